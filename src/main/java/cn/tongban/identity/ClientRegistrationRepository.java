package cn.tongban.identity;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ClientRegistrationRepository extends MongoRepository<ClientRegistration, String> {

	List<ClientRegistration> findByEnterpriseId(String enterpriseId);

}
