package cn.tongban.support;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on a GraphQL answer's errors: the stable code, the input field, no internals in the message. */
public final class GraphQlErrors {

	private GraphQlErrors() {
	}

	/** The answer has exactly one error, with this code. */
	public static void onlyError(GraphQlTester.Response response, String code) {
		response.errors().satisfy(only(code, null));
	}

	/** The answer has exactly one error, with this code, naming this input field. */
	public static void onlyError(GraphQlTester.Response response, String code, String field) {
		response.errors().satisfy(only(code, field));
	}

	/** The first of the answer's errors has this code (others may follow, e.g. one per violation). */
	public static void firstError(GraphQlTester.Response response, String code) {
		firstError(response, code, null);
	}

	/** The first of the answer's errors has this code and names this input field. */
	public static void firstError(GraphQlTester.Response response, String code, String field) {
		response.errors().satisfy((errors) -> {
			assertThat(errors).isNotEmpty();
			check(errors.get(0), code, field);
		});
	}

	private static Consumer<List<ResponseError>> only(String code, String field) {
		return (errors) -> assertThat(errors).singleElement().satisfies((error) -> check(error, code, field));
	}

	private static void check(ResponseError error, String code, String field) {
		assertThat(error.getExtensions()).containsEntry("code", code);
		if (field != null) {
			assertThat(error.getExtensions()).containsEntry("field", field);
		}
		assertThat(error.getMessage()).doesNotContain("Exception").doesNotContain("cn.tongban");
	}

}
