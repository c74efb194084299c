package cn.tongban.reference;

import org.springframework.data.mongodb.repository.MongoRepository;

interface LifeEventRepository extends MongoRepository<LifeEvent, String> {
}
