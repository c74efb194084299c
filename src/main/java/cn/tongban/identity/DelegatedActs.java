package cn.tongban.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.tongban.platform.security.Subject;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import org.springframework.stereotype.Component;

/**
 * Records what a delegate does (亲情代办): each operation run with a delegated token, before it
 * runs, with the actor, on the delegation (the represented person reads it) and in the audit
 * trail. Calls without a delegate cost one null check.
 */
@Component
class DelegatedActs extends SimplePerformantInstrumentation {

	private final Delegations delegations;

	DelegatedActs(Delegations delegations) {
		this.delegations = delegations;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		Subject subject = Subject.current();
		if (subject != null && subject.delegated()) {
			ExecutionContext context = parameters.getExecutionContext();
			OperationDefinition operation = context.getOperationDefinition();
			String kind = operation.getOperation().name().toLowerCase(Locale.ROOT);
			List<String> fields = new ArrayList<>();
			rootFields(operation.getSelectionSet(), context, fields, 0);
			List<String> acts = fields.stream().distinct().map((field) -> kind + " " + field).toList();
			if (!acts.isEmpty()) {
				this.delegations.recordAct(subject, acts);
			}
		}
		return SimpleInstrumentationContext.noOp();
	}

	private static void rootFields(SelectionSet selections, ExecutionContext context, List<String> into, int depth) {
		if (selections == null || depth > 3) {
			return;
		}
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field && !field.getName().startsWith("__")) {
				into.add(field.getName());
			}
			else if (selection instanceof InlineFragment inline) {
				rootFields(inline.getSelectionSet(), context, into, depth + 1);
			}
			else if (selection instanceof FragmentSpread spread) {
				FragmentDefinition fragment = context.getFragmentsByName().get(spread.getName());
				if (fragment != null) {
					rootFields(fragment.getSelectionSet(), context, into, depth + 1);
				}
			}
		}
	}

}
