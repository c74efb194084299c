package cn.tongban.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface PersonRepository extends MongoRepository<Person, String> {

	Optional<Person> findByMobile(String mobile);

	Optional<Person> findByIdNumber(String idNumber);

	Optional<Person> findByProvincialRef(String provincialRef);

	List<Person> findByGuardianIds(String guardianId);

}
