package cn.tongban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TongbanApplication {

	public static void main(String[] args) {
		SpringApplication.run(TongbanApplication.class, args);
	}

}
