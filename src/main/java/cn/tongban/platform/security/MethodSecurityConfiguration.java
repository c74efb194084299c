package cn.tongban.platform.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** {@code @PreAuthorize} on every GraphQL operation; see {@link EveryOperationDeclaresAccess}. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties({ SecurityProperties.class, RateLimitProperties.class })
class MethodSecurityConfiguration {

}
