package cn.tongban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;

@SpringBootApplication
public class TongbanApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(TongbanApplication.class);
		if (Boolean.getBoolean("tongban.startup-events")) {
			application.setApplicationStartup(new FlightRecorderApplicationStartup());
		}
		application.run(args);
	}

}
