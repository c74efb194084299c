package cn.tongban;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Modules (catalog, certificate, …) use each other only through their top-level package: no
 * reaching into another module's internals, no cycles.
 */
class ModuleBoundaryTests {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(TongbanApplication.class).verify();
	}

}
