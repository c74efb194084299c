/**
 * Chinese commercial cryptography (商用密码) through BouncyCastle: SM2 signatures with SM3
 * (GM/T 0003/0004), SM3 hashes, and PKCS#12 key rings of SM2 keys with key ids.
 */
@NamedInterface("crypto")
package cn.tongban.platform.crypto;

import org.springframework.modulith.NamedInterface;
