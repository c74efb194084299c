package cn.tongban.identity;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface EnterpriseRepository extends MongoRepository<Enterprise, String> {

	Optional<Enterprise> findByCreditCode(String creditCode);

}
