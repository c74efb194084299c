package cn.tongban.platform.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.execution.DataFetcherResult;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * {@code node(id)} and {@code nodes(ids)}: the nullable lookups of the Node interface, for
 * refetching any object by its id. Each module answers for its own ids ({@link NodeLookup}) with
 * its own access rules, so the root operations are open to anyone and what they return is not.
 */
@Controller
class NodeController {

	/** The most ids one {@code nodes} call looks up. */
	static final int MAX_IDS = 50;

	private final List<NodeLookup> lookups;

	private final GraphQlExceptionResolver errors;

	NodeController(List<NodeLookup> lookups, GraphQlExceptionResolver errors) {
		this.lookups = lookups;
		this.errors = errors;
	}

	@QueryMapping
	@PreAuthorize("permitAll()")
	Object node(@Argument String id) {
		return lookupFor(id, "id").find(id);
	}

	/**
	 * One entry per id, in order: the object, or null with an error at its index. A lookup that
	 * refuses the caller outright (no role for it) is asked once: its other ids get the same refusal
	 * without another check, so 50 ids cost one denial in the audit log, not 50. A
	 * {@link NodeLookup.Batched} lookup reads all its ids in one call.
	 */
	@QueryMapping
	@PreAuthorize("permitAll()")
	DataFetcherResult<List<Object>> nodes(@Argument List<String> ids, DataFetchingEnvironment environment) {
		if (ids.size() > MAX_IDS) {
			throw ApiException.onField("ids", PlatformError.INVALID_ARGUMENT, "at most " + MAX_IDS + " ids");
		}
		NodeLookup[] owners = new NodeLookup[ids.size()];
		Map<Integer, NodeLookup.Found> answers = new HashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			try {
				owners[i] = lookupFor(ids.get(i), "ids[" + i + "]");
			}
			catch (RuntimeException unknownShape) {
				answers.put(i, NodeLookup.Found.refused(unknownShape));
			}
		}
		answers.putAll(findBatched(ids, owners));
		List<Object> found = new ArrayList<>(ids.size());
		List<GraphQLError> refusals = new ArrayList<>();
		Map<NodeLookup, RuntimeException> denied = new HashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			ResultPath at = environment.getExecutionStepInfo().getPath().segment(i);
			NodeLookup lookup = owners[i];
			RuntimeException refusedBefore = (lookup != null) ? denied.get(lookup) : null;
			if (refusedBefore != null) {
				found.add(null);
				refusals.addAll(this.errors.errorsAt(refusedBefore, environment, at, false));
				continue;
			}
			try {
				NodeLookup.Found answer = answers.get(i);
				if (answer != null && answer.refusal() != null) {
					throw answer.refusal();
				}
				found.add((answer != null) ? answer.node() : lookup.find(ids.get(i)));
			}
			catch (RuntimeException refused) {
				if (refused instanceof AccessDeniedException && lookup != null) {
					denied.put(lookup, refused);
				}
				found.add(null);
				refusals.addAll(this.errors.errorsAt(refused, environment, at, true));
			}
		}
		return DataFetcherResult.<List<Object>>newResult().data(found).errors(refusals).build();
	}

	/** The answers of the batched lookups, by index: one call per lookup for all its ids. */
	private static Map<Integer, NodeLookup.Found> findBatched(List<String> ids, NodeLookup[] owners) {
		Map<NodeLookup.Batched, List<Integer>> indexes = new LinkedHashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			if (owners[i] instanceof NodeLookup.Batched batch) {
				indexes.computeIfAbsent(batch, (b) -> new ArrayList<>()).add(i);
			}
		}
		Map<Integer, NodeLookup.Found> answers = new HashMap<>();
		indexes.forEach((lookup, at) -> {
			Map<String, NodeLookup.Found> byId;
			try {
				byId = lookup.findAll(at.stream().map(ids::get).distinct().toList());
			}
			catch (RuntimeException refusedAll) {
				at.forEach((i) -> answers.put(i, NodeLookup.Found.refused(refusedAll)));
				return;
			}
			at.forEach((i) -> answers.put(i, byId.get(ids.get(i))));
		});
		return answers;
	}

	private NodeLookup lookupFor(String id, String field) {
		if (id.length() > 100) {
			throw ApiException.onField(field, PlatformError.NODE_NOT_FOUND, id.substring(0, 100));
		}
		return this.lookups.stream()
			.filter((lookup) -> lookup.owns(id))
			.findFirst()
			.orElseThrow(() -> ApiException.onField(field, PlatformError.NODE_NOT_FOUND, id));
	}

}
