package cn.tongban.catalog;

import org.springframework.data.mongodb.repository.MongoRepository;

interface DepartmentRepository extends MongoRepository<Department, String> {
}
