/**
 * Who is calling: the resource server that turns every Bearer JWT into a {@link Subject}, the
 * role model, method-security rules, rate limits. Modules read the caller through {@link Subject}.
 */
@NamedInterface("security")
package cn.tongban.platform.security;

import org.springframework.modulith.NamedInterface;
