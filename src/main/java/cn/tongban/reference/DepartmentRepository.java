package cn.tongban.reference;

import org.springframework.data.mongodb.repository.MongoRepository;

interface DepartmentRepository extends MongoRepository<Department, String> {
}
