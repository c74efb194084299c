package cn.tongban.certificate;

import cn.tongban.platform.seed.SeedFiles;
import cn.tongban.platform.seed.Seeder;

import org.springframework.stereotype.Component;

@Component
class CertificateTypeSeeder implements Seeder {

	private final CertificateTypeRepository types;

	CertificateTypeSeeder(CertificateTypeRepository types) {
		this.types = types;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public void seed(SeedFiles files) {
		files.applyIfChanged("certificate/certificate-types.json", CertificateType.class, this.types::saveAll);
	}

}
