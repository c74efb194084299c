package cn.tongban.certificate;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CertificateTypeRepository extends MongoRepository<CertificateType, String> {
}
