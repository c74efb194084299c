package cn.tongban.platform.graphql;

import graphql.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class QueryLimitsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{ serviceItems(first: 10) { nodes { code } } }                                   | true
			query($q: String) { serviceItems(query: $q, first: 10) { totalCount } }          | true
			query($n: Int) { serviceItems(first: $n) { totalCount } }                        | false
			query($s: Boolean!) { regions @skip(if: $s) { code } }                           | false
			query($s: Boolean!) { regions { code parent @include(if: $s) { code } } }        | false
			query($s: Boolean!) { regions { ...R } } fragment R on Region { code @skip(if: $s) } | false
			""")
	void theVerdictIsKeptOnlyWhenNoVariableCanChangeIt(String operation, boolean variableFree) {
		assertThat(QueryLimits.VariableFreeShape.of(Parser.parse(operation))).isEqualTo(variableFree);
	}

}
