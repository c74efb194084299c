package cn.tongban.platform.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Parsed and validated operations by their text. Apps and integrators send the same few operations
 * with different variables, so parsing and validation (a tenth of a search request's CPU) run once
 * per operation text instead of once per request. Only documents that validated are kept: error
 * messages are localised per request. Limits (depth, cost, aliases) still run on every execution,
 * because they depend on the variables.
 */
@Component
class DocumentCache implements PreparsedDocumentProvider, GraphQlSourceBuilderCustomizer {

	private final Cache<String, PreparsedDocumentEntry> documents;

	DocumentCache(@Value("${tongban.graphql.document-cache-size:2000}") int size) {
		// bounded by count; an operation text is at most tongban.graphql.max-characters long
		this.documents = Caffeine.newBuilder().maximumSize(size).build();
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		PreparsedDocumentEntry cached = this.documents.getIfPresent(input.getQuery());
		if (cached != null) {
			return CompletableFuture.completedFuture(cached);
		}
		PreparsedDocumentEntry entry = parseAndValidate.apply(input);
		if (!entry.hasErrors()) {
			this.documents.put(input.getQuery(), entry);
		}
		return CompletableFuture.completedFuture(entry);
	}

	@Override
	public void customize(GraphQlSource.SchemaResourceBuilder builder) {
		builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(this));
	}

}
