package cn.tongban.identity;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ClientRegistrationRepository extends MongoRepository<ClientRegistration, String> {

}
