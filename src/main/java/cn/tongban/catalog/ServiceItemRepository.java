package cn.tongban.catalog;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ServiceItemRepository extends MongoRepository<ServiceItem, String> {
}
