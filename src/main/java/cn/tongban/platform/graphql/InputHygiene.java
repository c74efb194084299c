package cn.tongban.platform.graphql;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironmentImpl;

import org.springframework.stereotype.Component;

/**
 * Text hygiene for every string input, before any handler runs: every string in a root field's
 * arguments (literals and variables alike, nested inputs included) is refused with
 * INVALID_CHARACTERS, naming the input path, when it holds a NUL, another C0 character, DEL or a C1
 * character (line breaks and tabs pass; fields that must be one line refuse them where they are
 * validated); otherwise the handler receives it in Unicode NFC without surrounding white space.
 */
@Component
class InputHygiene extends SimplePerformantInstrumentation {

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		var environment = parameters.getEnvironment();
		if (environment.getExecutionStepInfo().getPath().getLevel() != 1 || environment.getArguments().isEmpty()) {
			return dataFetcher;
		}
		String path = firstControlCharacter(environment.getArguments(), "");
		if (path != null) {
			return (env) -> {
				throw ApiException.onField(path, PlatformError.INVALID_CHARACTERS);
			};
		}
		Object normalised = normalised(environment.getArguments());
		if (normalised == environment.getArguments()) {
			return dataFetcher;
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> arguments = (Map<String, Object>) normalised;
		return (env) -> dataFetcher
			.get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment(env).arguments(arguments).build());
	}

	/** The value with every string in NFC and stripped; the same instance when nothing changes. */
	static Object normalised(Object value) {
		if (value instanceof String text) {
			String clean = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
					: Normalizer.normalize(text, Normalizer.Form.NFC);
			clean = clean.strip();
			return clean.equals(text) ? text : clean;
		}
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> copy = null;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				Object clean = normalised(entry.getValue());
				if (clean != entry.getValue()) {
					copy = (copy != null) ? copy : new LinkedHashMap<>(map);
					copy.put(entry.getKey(), clean);
				}
			}
			return (copy != null) ? copy : map;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = null;
			for (int i = 0; i < list.size(); i++) {
				Object clean = normalised(list.get(i));
				if (clean != list.get(i)) {
					copy = (copy != null) ? copy : new ArrayList<>(list);
					copy.set(i, clean);
				}
			}
			return (copy != null) ? copy : list;
		}
		return value;
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
