package cn.tongban.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record RetireServiceItemInput(@NotBlank @Size(max = 30) String code, @NotBlank @Size(max = 200) String reason) {
}
