package cn.tongban.platform.startup;

import java.util.List;

/**
 * A module's check of what it stores, run by the prod profile after seeding and before the web
 * server starts: development data that must not serve production. Each refusal names what to do.
 */
public interface ProductionCheck {

	List<String> refusals();

}
