package cn.tongban.identity;

import java.util.List;

import cn.tongban.platform.security.Role;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A staff or administrator account (工作人员账号), signed in with user name and password. */
@Document("staff_accounts")
record StaffAccount(@Id String username, String name, String passwordHash, List<Role> roles, String departmentCode,
		boolean enabled) {

}
