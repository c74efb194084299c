package cn.tongban.code;

import cn.tongban.platform.graphql.Connection;
import cn.tongban.platform.graphql.Keyset;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The scan history (扫码记录): written per terminal request, read by the holder. */
@Component
class ScanRecords {

	private final MongoTemplate mongo;

	ScanRecords(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Writes a request's records in one insert. */
	void write(ScanBook book) {
		this.mongo.insertAll(book.records());
	}

	/** The holder's scans, newest first. */
	Connection<ScanRecord> of(String holderId, Integer first, String after) {
		Query mine = Query.query(Criteria.where("holderId").is(holderId));
		return Keyset.page(mine, first, after, "at", (ScanRecord scan) -> new Keyset(scan.at(), scan.id()),
				(page) -> this.mongo.find(page, ScanRecord.class), this.mongo.count(mine, ScanRecord.class));
	}

}
