package cn.tongban.platform.graphql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import cn.tongban.platform.ChinaTime;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * {@code DateTime}: an RFC 3339 instant, written in China Standard Time (+08:00) because that is
 * what the app shows; accepted in any offset.
 */
final class DateTimeScalar {

	static final ZoneId CHINA = ChinaTime.ZONE;

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("DateTime")
		.description("RFC 3339 date-time with offset, e.g. 2026-11-22T08:30:00+08:00")
		.coercing(new Coercing<Instant, String>() {

			@Override
			public String serialize(Object value, GraphQLContext context, Locale locale) {
				if (value instanceof Instant instant) {
					return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(CHINA).toOffsetDateTime());
				}
				if (value instanceof OffsetDateTime odt) {
					return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(odt);
				}
				throw new CoercingSerializeException("Not a date-time: " + value);
			}

			@Override
			public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
				try {
					return OffsetDateTime.parse(String.valueOf(input)).toInstant();
				}
				catch (DateTimeParseException ex) {
					throw new CoercingParseValueException("Expected an RFC 3339 date-time such as 2026-11-22T08:30:00+08:00");
				}
			}

			@Override
			public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
					Locale locale) {
				if (input instanceof StringValue string) {
					try {
						return OffsetDateTime.parse(string.getValue()).toInstant();
					}
					catch (DateTimeParseException ex) {
						// reported below
					}
				}
				throw new CoercingParseLiteralException("Expected an RFC 3339 date-time such as 2026-11-22T08:30:00+08:00");
			}
		})
		.build();

	private DateTimeScalar() {
	}

}
