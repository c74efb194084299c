package cn.tongban.platform.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.analysis.QueryComplexityCalculator;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.VariableReference;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;

/**
 * Limits on what one request may ask (OWASP GraphQL cheat sheet), checked before any data is
 * fetched: document size at parse time, depth, cost (lists weighted by their page size), and
 * aliases / root fields. Each refusal is a BAD_REQUEST with its own {@code extensions.code}.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

	/** A connection field without {@code first} returns a default page. */
	static final int DEFAULT_PAGE = PageRequest.DEFAULT_PAGE_SIZE;

	/** Expected size of a list that is not a connection. */
	static final int EMBEDDED_LIST = 5;

	QueryLimits(@Value("${tongban.graphql.max-tokens:5000}") int maxTokens,
			@Value("${tongban.graphql.max-characters:32000}") int maxCharacters) {
		// graphql-java reads these for every operation it parses, including our GET route's pre-parse
		ParserOptions.setDefaultOperationParserOptions(ParserOptions.newParserOptions()
			.maxTokens(maxTokens)
			.maxCharacters(maxCharacters)
			.maxWhitespaceTokens(maxCharacters)
			.maxRuleDepth(100)
			.build());
	}

	/**
	 * The three checks below, skipped for an operation that already passed them when its variables
	 * cannot change the verdict (see {@link VariableFreeShape}): apps send the same few operations
	 * thousands of times, and the three traversals were a tenth of a cached search's CPU.
	 */
	@Bean
	ChainedInstrumentation limitsCheckedOnce(@Value("${tongban.graphql.max-depth:15}") int maxDepth,
			@Value("${tongban.graphql.max-cost:5000}") int maxCost,
			@Value("${tongban.graphql.max-aliases:30}") int maxAliases,
			@Value("${tongban.graphql.max-root-fields:15}") int maxRootFields) {
		return new CheckedOnce(List.of(depthLimit(maxDepth), costLimit(maxCost), new AliasLimit(maxAliases, maxRootFields)));
	}

	static MaxQueryDepthInstrumentation depthLimit(int maxDepth) {
		return new MaxQueryDepthInstrumentation(maxDepth) {
			@Override
			protected AbortExecutionException mkAbortException(int depth, int max) {
				return aborted(PlatformError.QUERY_TOO_DEEP, depth, max);
			}
		};
	}

	/**
	 * Where {@link QueryCost} (which runs first) leaves an operation's requested cost, so the limit
	 * does not compute it again.
	 */
	static final String REQUESTED_COST = "tongban.requestedCost";

	static Instrumentation costLimit(int maxCost) {
		return new SimplePerformantInstrumentation() {
			@Override
			public InstrumentationContext<ExecutionResult> beginExecuteOperation(
					InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
				ExecutionContext context = parameters.getExecutionContext();
				Integer known = context.getGraphQLContext().get(REQUESTED_COST);
				int cost = (known != null) ? known : requestedCost(context);
				if (cost > maxCost) {
					throw aborted(PlatformError.QUERY_TOO_COSTLY, cost, maxCost);
				}
				return SimpleInstrumentationContext.noOp();
			}
		};
	}

	/** The page-weighted cost of the operation about to run, with its variables. */
	static int requestedCost(ExecutionContext context) {
		return QueryComplexityCalculator.newCalculator()
			.fieldComplexityCalculator(pageWeightedCost())
			.schema(context.getGraphQLSchema())
			.document(context.getDocument())
			.operationName(context.getOperationDefinition().getName())
			.variables(context.getCoercedVariables())
			.build()
			.calculate();
	}

	/**
	 * Every field costs 1; what a list selects costs once per item it may return: {@code first}
	 * (capped at the page maximum: larger values are refused by validation anyway), the number of
	 * {@code ids} asked for ({@code nodes}), a default page for a connection without it, {@value #EMBEDDED_LIST} for other lists (materials, life events:
	 * a few each). A connection's {@code edges} and {@code nodes} are already counted by its page.
	 */
	static FieldComplexityCalculator pageWeightedCost() {
		return (environment, childComplexity) -> {
			GraphQLType type = GraphQLTypeUtil.unwrapNonNull(environment.getFieldDefinition().getType());
			boolean connection = GraphQLTypeUtil.unwrapAll(type).getName().endsWith("Connection");
			boolean insideConnection = environment.getParentType().getName().endsWith("Connection");
			int items = 1;
			if (environment.getArguments().get("first") instanceof Integer first) {
				items = Math.min(Math.max(1, first), PageRequest.MAX_PAGE_SIZE);
			}
			else if (environment.getArguments().get("ids") instanceof List<?> ids) {
				items = Math.max(1, ids.size());
			}
			else if (connection) {
				items = DEFAULT_PAGE;
			}
			else if (GraphQLTypeUtil.isList(type) && !insideConnection) {
				items = EMBEDDED_LIST;
			}
			return 1 + childComplexity * items;
		};
	}

	/** A limit's refusal, in both languages at once (the limits run before the request's locale is read). */
	static AbortExecutionException aborted(PlatformError code, Object... args) {
		GraphQLError error = GraphqlErrorBuilder.newError()
			.message(code.messageInBoth(args))
			.errorType(code.classification())
			.extensions(Map.of("code", code.name()))
			.build();
		return new AbortExecutionException(List.of(error));
	}

	/**
	 * Runs the limits, and remembers the parsed operations (the same instance each time, thanks to
	 * {@link DocumentCache}) that passed with a verdict their variables cannot change.
	 */
	static final class CheckedOnce extends ChainedInstrumentation {

		/**
		 * By identity, held weakly (an operation leaves with its entry in the document cache): true
		 * once it passed with a verdict no variable can change, false when variables can change it.
		 */
		private final Cache<Document, Boolean> skippable = Caffeine.newBuilder().weakKeys().build();

		CheckedOnce(List<Instrumentation> limits) {
			super(limits);
		}

		@Override
		public InstrumentationContext<ExecutionResult> beginExecuteOperation(
				InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
			Document document = parameters.getExecutionContext().getDocument();
			Boolean known = this.skippable.getIfPresent(document);
			if (Boolean.TRUE.equals(known)) {
				return SimpleInstrumentationContext.noOp();
			}
			// throws when a limit is exceeded
			InstrumentationContext<ExecutionResult> checked = super.beginExecuteOperation(parameters, state);
			if (known == null) {
				// one operation only: then the document says which operation runs, whatever the request names
				this.skippable.put(document, document.getDefinitionsOfType(OperationDefinition.class).size() == 1
						&& VariableFreeShape.of(document));
			}
			return checked;
		}

	}

	/**
	 * Whether no variable can change an operation's depth, cost or alias counts: no {@code first} or
	 * {@code ids} argument and no {@code @skip} / {@code @include} takes a variable (those are all the limits
	 * read of the variables).
	 */
	static final class VariableFreeShape extends NodeVisitorStub {

		private boolean variableFree = true;

		static boolean of(Document document) {
			VariableFreeShape visitor = new VariableFreeShape();
			new NodeTraverser().depthFirst(visitor, document);
			return visitor.variableFree;
		}

		@Override
		public TraversalControl visitArgument(Argument node, TraverserContext<Node> context) {
			Node<?> parent = context.getParentNode();
			boolean read = (parent instanceof Directive directive
					&& (directive.getName().equals("skip") || directive.getName().equals("include")))
					|| (parent instanceof Field && (node.getName().equals("first") || node.getName().equals("ids")));
			if (read && usesVariable(node.getValue())) {
				this.variableFree = false;
				return TraversalControl.QUIT;
			}
			return TraversalControl.CONTINUE;
		}

		private static boolean usesVariable(graphql.language.Value<?> value) {
			if (value instanceof VariableReference) {
				return true;
			}
			if (value instanceof ArrayValue array) {
				return array.getValues().stream().anyMatch(VariableFreeShape::usesVariable);
			}
			if (value instanceof ObjectValue object) {
				return object.getObjectFields().stream().anyMatch((field) -> usesVariable(field.getValue()));
			}
			return false;
		}

	}

	/** Caps aliased fields (alias overload) and root fields per operation, fragments included. */
	static final class AliasLimit extends SimplePerformantInstrumentation {

		private final int maxAliases;

		private final int maxRootFields;

		AliasLimit(int maxAliases, int maxRootFields) {
			this.maxAliases = maxAliases;
			this.maxRootFields = maxRootFields;
		}

		@Override
		public InstrumentationContext<ExecutionResult> beginExecuteOperation(
				InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
			ExecutionContext context = parameters.getExecutionContext();
			AtomicInteger aliases = new AtomicInteger();
			AtomicInteger rootFields = new AtomicInteger();
			QueryTraverser.newQueryTraverser()
				.schema(context.getGraphQLSchema())
				.document(context.getDocument())
				.operationName(context.getOperationDefinition().getName())
				.coercedVariables(context.getCoercedVariables())
				.build()
				.visitPreOrder(new QueryVisitorStub() {
					@Override
					public void visitField(QueryVisitorFieldEnvironment field) {
						if (field.getField().getAlias() != null) {
							aliases.incrementAndGet();
						}
						if (field.getParentEnvironment() == null) {
							rootFields.incrementAndGet();
						}
					}
				});
			if (aliases.get() > this.maxAliases) {
				throw aborted(PlatformError.TOO_MANY_ALIASES, aliases.get(), this.maxAliases);
			}
			if (rootFields.get() > this.maxRootFields) {
				throw aborted(PlatformError.TOO_MANY_ROOT_FIELDS, rootFields.get(), this.maxRootFields);
			}
			return SimpleInstrumentationContext.noOp();
		}

	}

}
