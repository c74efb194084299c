package cn.tongban.reference;

import cn.tongban.platform.seed.SeedFiles;
import cn.tongban.platform.seed.Seeder;

import org.springframework.stereotype.Component;

/** Departments, regions and life events from {@code seeds/reference/}: the first step, needing nothing. */
@Component
public class ReferenceSeeder implements Seeder {

	/** This step's order; steps whose data points at reference data need it. */
	public static final int ORDER = 1;

	private final DepartmentRepository departments;

	private final RegionRepository regions;

	private final LifeEventRepository lifeEvents;

	private final References references;

	ReferenceSeeder(DepartmentRepository departments, RegionRepository regions, LifeEventRepository lifeEvents,
			References references) {
		this.departments = departments;
		this.regions = regions;
		this.lifeEvents = lifeEvents;
		this.references = references;
	}

	@Override
	public int order() {
		return ORDER;
	}

	@Override
	public void seed(SeedFiles files) {
		files.applyIfChanged("reference/departments.json", Department.class, this.departments::saveAll);
		files.applyIfChanged("reference/regions.json", Region.class, this.regions::saveAll);
		files.applyIfChanged("reference/life-events.json", LifeEvent.class, this.lifeEvents::saveAll);
		this.references.invalidate();
	}

}
