/**
 * Bean Validation constraints for Chinese identifiers, used on every input that carries them.
 */
@NamedInterface("validation")
package cn.tongban.platform.validation;

import org.springframework.modulith.NamedInterface;
