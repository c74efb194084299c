package cn.tongban.certificate;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CertificateRepository extends MongoRepository<Certificate, String> {

	List<Certificate> findByHolderIdIn(Collection<String> holderIds);

	List<Certificate> findByHolderIdAndTypeCodeIn(String holderId, Collection<String> typeCodes);

	Optional<Certificate> findByNumber(String number);

}
