package cn.tongban.certificate;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface PurposeRepository extends MongoRepository<Purpose, String> {

	List<Purpose> findByIntegratorClientIdOrderByCode(String integratorClientId);

}
