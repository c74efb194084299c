package cn.tongban.certificate;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ConsentRepository extends MongoRepository<Consent, String> {

	List<Consent> findByHolderIdOrderByGrantedAtDesc(String holderId);

	List<Consent> findByHolderIdAndIntegratorClientIdAndPurposeCode(String holderId, String integratorClientId,
			String purposeCode);

}
