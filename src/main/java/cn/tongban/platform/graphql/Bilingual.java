package cn.tongban.platform.graphql;

import java.util.Locale;

/**
 * A record named in Chinese and, where translated, in English. Its GraphQL {@code name} field is
 * served in the request's language ({@code Accept-Language}, see {@link RequestLocaleInterceptor}):
 * English when the caller prefers it and a translation exists, else Chinese ({@link LocalizedNames}).
 */
public interface Bilingual {

	/** The name in this language: English when asked for and translated, else Chinese. */
	String nameIn(Locale locale);

	/** The English name when the locale is English and there is one, else the Chinese name. */
	static String pick(Locale locale, String chinese, String english) {
		return (english != null && !english.isBlank() && locale != null
				&& Locale.ENGLISH.getLanguage().equals(locale.getLanguage())) ? english : chinese;
	}

	/** A record with {@code name} and {@code nameEn} components: it is bilingual by them. */
	interface Named extends Bilingual {

		String name();

		/** The English name (seeds); null where not translated. */
		String nameEn();

		@Override
		default String nameIn(Locale locale) {
			return pick(locale, name(), nameEn());
		}

	}

}
