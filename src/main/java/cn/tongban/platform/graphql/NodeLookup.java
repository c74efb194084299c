package cn.tongban.platform.graphql;

/**
 * A module's part of {@code node(id)} (the Node interface): the ids of its objects have a shape of
 * their own ({@code app_…}, {@code crt_…}, an item code, a bundle code), so exactly one lookup owns
 * an id. {@link #find} checks the caller exactly as the module's own lookup does and refuses in the
 * same words, so {@code node} opens nothing the typed lookup does not.
 */
public interface NodeLookup {

	/** Whether the id has the shape of this module's ids. */
	boolean owns(String id);

	/** The object for the current caller; refusals are thrown as the module's own lookup throws them. */
	Object find(String id);

}
