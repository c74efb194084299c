package cn.tongban.identity;

import org.springframework.data.mongodb.repository.MongoRepository;

interface StaffAccountRepository extends MongoRepository<StaffAccount, String> {

}
