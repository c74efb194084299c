package cn.tongban.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** 收费. Most items are free; {@code description} states the amount and basis when not. */
public record Fee(boolean charged, @NotBlank @Size(max = 100) String description) {

	public static final Fee FREE = new Fee(false, "不收费");

}
