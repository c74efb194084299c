package cn.tongban.platform.audit;

import java.time.Clock;
import java.util.List;

import cn.tongban.platform.graphql.Connection;
import cn.tongban.platform.graphql.Keyset;
import cn.tongban.platform.security.Subject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Writes audit records. A failure to write is logged and swallowed: the audit trail must never
 * turn a sign-in or a denial into an internal error (the log line keeps the record).
 */
@Service
public class AuditLog {

	private static final Logger log = LoggerFactory.getLogger("tongban.audit");

	private final MongoTemplate mongo;

	private final Clock clock;

	AuditLog(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	public void record(AuditType type, Subject subject, String address, String target, String detail) {
		record(type, (subject != null) ? subject.id() : "anonymous", (subject != null) ? subject.clientId() : null,
				address, target, detail);
	}

	public void record(AuditType type, String actor, String clientId, String address, String target,
			String detail) {
		AuditEvent event = new AuditEvent(null, this.clock.instant(), type, actor, clientId, address, target,
				truncate(detail));
		log.info("{} actor={} client={} address={} target={} {}", type, actor, clientId, address, target,
				event.detail());
		try {
			this.mongo.insert(event);
		}
		catch (RuntimeException ex) {
			log.error("Audit record not stored: {}", event, ex);
		}
	}

	/** Newest first; {@code type} and {@code actor} optional. */
	public List<AuditEvent> find(AuditType type, String actor, int offset, int limit) {
		return this.mongo.find(query(type, actor).with(Sort.by(Sort.Direction.DESC, "at")).skip(offset).limit(limit),
				AuditEvent.class);
	}

	/** Newest first after a keyset cursor: records written while an administrator pages shift nothing. */
	public Connection<AuditEvent> page(AuditType type, String actor, Integer first, String after) {
		Query query = query(type, actor);
		return Keyset.page(query, first, after, "at", (AuditEvent event) -> new Keyset(event.at(), event.id()),
				(page) -> this.mongo.find(page, AuditEvent.class), this.mongo.count(query, AuditEvent.class));
	}

	public long count(AuditType type, String actor) {
		return this.mongo.count(query(type, actor), AuditEvent.class);
	}

	private static Query query(AuditType type, String actor) {
		Query query = new Query();
		if (type != null) {
			query.addCriteria(Criteria.where("type").is(type));
		}
		if (actor != null && !actor.isBlank()) {
			query.addCriteria(Criteria.where("actor").is(actor));
		}
		return query;
	}

	private static String truncate(String detail) {
		return (detail == null || detail.length() <= 500) ? detail : detail.substring(0, 500);
	}

}
