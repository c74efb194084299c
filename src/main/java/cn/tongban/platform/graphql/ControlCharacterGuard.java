package cn.tongban.platform.graphql;

import java.util.List;
import java.util.Map;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

import org.springframework.stereotype.Component;

/**
 * No control character reaches a handler: every string in a root field's arguments (literals and
 * variables alike, nested inputs included) is checked before the field runs, and a NUL, another C0
 * character, DEL or a C1 character is refused with INVALID_CHARACTERS naming the input path. Line
 * breaks and tabs pass; fields that must be one line refuse them where they are validated.
 */
@Component
class ControlCharacterGuard extends SimplePerformantInstrumentation {

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		var environment = parameters.getEnvironment();
		if (environment.getExecutionStepInfo().getPath().getLevel() != 1 || environment.getArguments().isEmpty()) {
			return dataFetcher;
		}
		String path = firstControlCharacter(environment.getArguments(), "");
		if (path == null) {
			return dataFetcher;
		}
		return (env) -> {
			throw ApiException.onField(path, ErrorCode.INVALID_CHARACTERS);
		};
	}

	/** The path of the first string holding a control character, or null. */
	static String firstControlCharacter(Object value, String path) {
		if (value instanceof CharSequence text) {
			return hasControlCharacter(text) ? path : null;
		}
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String found = firstControlCharacter(entry.getValue(),
						path.isEmpty() ? String.valueOf(entry.getKey()) : path + "." + entry.getKey());
				if (found != null) {
					return found;
				}
			}
		}
		if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				String found = firstControlCharacter(list.get(i), path + "[" + i + "]");
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	static boolean hasControlCharacter(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7F && c <= 0x9F)) {
				return true;
			}
		}
		return false;
	}

}
