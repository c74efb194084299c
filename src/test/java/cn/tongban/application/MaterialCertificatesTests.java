package cn.tongban.application;

import java.util.List;

import cn.tongban.support.GraphQlIntegrationTest;
import cn.tongban.support.Tokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Objects instead of bare ids: a material's certificate (in a bundle and in an application) is the
 * certificate itself for whom the card pack shows it, and null for staff; a statistics region is
 * the region.
 */
@GraphQlIntegrationTest
class MaterialCertificatesTests {

	@Autowired
	Tokens tokens;

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void aBundleMaterialNamesMyCertificateThatStandsIn() {
		GraphQlTester.Response bundle = this.tokens.as(this.tokens.resident())
			.document("{ bundle(code: \"NEWBORN\") { materials { certificateType { code } certificateId certificate { id number type { code } } } } }")
			.execute();
		bundle.path("bundle.materials[?(@.certificateType.code == 'GA-001')].certificate.type.code")
			.entityList(String.class).containsExactly("GA-001");
		List<String> ids = bundle.path("bundle.materials[?(@.certificateType.code == 'GA-001')].certificateId")
			.entityList(String.class).get();
		bundle.path("bundle.materials[?(@.certificateType.code == 'GA-001')].certificate.id")
			.entityList(String.class).isEqualTo(ids);
	}

	@Test
	void anApplicationMaterialsCertificateIsShownToItsHolderNotToStaff() {
		String id = this.tokens.as(this.tokens.resident())
			.document("""
					mutation { submitApplication(input: {item: "370202QR0020001000", idempotencyKey: "material-certificates-1",
					  formValues: [{key: "employerName", value: "青岛海蓝数字科技有限公司"}]}) { application { id } } }""")
			.execute()
			.path("submitApplication.application.id")
			.entity(String.class)
			.get();
		String query = "query($id: ID!) { application(id: $id) { materials { source certificateId certificate { id holderName } } } }";
		GraphQlTester.Response mine = this.tokens.as(this.tokens.resident()).document(query).variable("id", id).execute();
		List<String> used = mine.path("application.materials[?(@.source == 'CERTIFICATE')].certificateId")
			.entityList(String.class).get();
		assertThat(used).isNotEmpty();
		mine.path("application.materials[?(@.source == 'CERTIFICATE')].certificate.id").entityList(String.class)
			.isEqualTo(used);
		mine.path("application.materials[?(@.source == 'CERTIFICATE')].certificate.holderName").entityList(String.class)
			.satisfies((names) -> assertThat(names).containsOnly("张伟"));
		GraphQlTester.Response staff = this.tokens.as(this.tokens.staff("RS")).document(query).variable("id", id).execute();
		staff.path("application.materials[?(@.source == 'CERTIFICATE')].certificateId").entityList(String.class)
			.isEqualTo(used);
		staff.path("application.materials[?(@.source == 'CERTIFICATE')].certificate").entityList(Object.class)
			.satisfies((certificates) -> assertThat(certificates).containsOnlyNulls());
	}

	@Test
	void statisticsNameTheirRegion() {
		this.graphQl.document("{ catalogStatistics(region: \"370202\") { region { code name } } }").execute()
			.path("catalogStatistics.region.name").entity(String.class).isEqualTo("市南区");
		this.graphQl.document("{ catalogStatistics { region { code } } }").execute()
			.path("catalogStatistics.region").valueIsNull();
	}

}
