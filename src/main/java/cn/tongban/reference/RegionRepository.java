package cn.tongban.reference;

import org.springframework.data.mongodb.repository.MongoRepository;

interface RegionRepository extends MongoRepository<Region, String> {
}
