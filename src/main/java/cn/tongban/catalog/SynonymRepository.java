package cn.tongban.catalog;

import cn.tongban.catalog.search.Synonym;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SynonymRepository extends MongoRepository<Synonym, String> {
}
