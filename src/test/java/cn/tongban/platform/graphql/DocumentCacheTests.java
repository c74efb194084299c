package cn.tongban.platform.graphql;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentCacheTests {

	private final DocumentCache cache = new DocumentCache(10);

	@Test
	void aValidOperationIsParsedOnce() {
		AtomicInteger parses = new AtomicInteger();
		Function<ExecutionInput, PreparsedDocumentEntry> parse = (input) -> {
			parses.incrementAndGet();
			return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
		};
		Document first = this.cache.getDocumentAsync(input("{ regions { code } }"), parse).join().getDocument();
		Document second = this.cache.getDocumentAsync(input("{ regions { code } }"), parse).join().getDocument();
		assertThat(second).isSameAs(first);
		assertThat(parses).hasValue(1);
		this.cache.getDocumentAsync(input("{ departments { code } }"), parse).join();
		assertThat(parses).hasValue(2);
	}

	@Test
	void anInvalidOperationIsCheckedEachTimeSoItsErrorsSpeakTheCallersLanguage() {
		AtomicInteger parses = new AtomicInteger();
		Function<ExecutionInput, PreparsedDocumentEntry> invalid = (input) -> {
			parses.incrementAndGet();
			return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message("invalid").build());
		};
		this.cache.getDocumentAsync(input("{ nosuchfield }"), invalid).join();
		assertThat(this.cache.getDocumentAsync(input("{ nosuchfield }"), invalid).join().hasErrors()).isTrue();
		assertThat(parses).hasValue(2);
	}

	private static ExecutionInput input(String query) {
		return ExecutionInput.newExecutionInput(query).build();
	}

}
