/**
 * Personal-information masking (个人信息去标识化展示): what anyone but the holder sees.
 */
@NamedInterface("privacy")
package cn.tongban.platform.privacy;

import org.springframework.modulith.NamedInterface;
