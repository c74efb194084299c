package cn.tongban.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.tongban.catalog.Material;
import cn.tongban.certificate.Certificate;

/**
 * A material of a bundle, once however many items need it.
 *
 * @param provision for a signed-in applicant: how it is supplied; null otherwise
 * @param certificateId the applicant's certificate that stands in, when CERTIFICATE
 * @param certificateHolder whom that certificate names (always the applicant or their enterprise:
 * a ward's certificate never stands in for the guardian's own)
 */
public record MergedMaterial(String name, String certificateTypeCode, List<String> neededBy, boolean required,
		Provision provision, String certificateId, String certificateHolder) {

	/** How a material is supplied. */
	public enum Provision {

		/** 免提交: one of the applicant's valid certificates stands in. */
		CERTIFICATE,
		/** 共享: another item of the same bundle produces it and passes it on. */
		SHARED,
		/** The applicant provides it (upload or counter). */
		PROVIDE

	}

	static final class Builder {

		private final Material first;

		private final List<String> neededBy = new ArrayList<>();

		private boolean required;

		Builder(Material first) {
			this.first = first;
		}

		Builder neededBy(String itemCode, boolean requiredThere) {
			if (!this.neededBy.contains(itemCode)) {
				this.neededBy.add(itemCode);
			}
			this.required |= requiredThere;
			return this;
		}

		String certificateTypeCode() {
			return this.first.certificateTypeCode();
		}

		MergedMaterial build(boolean forApplicant, Map<String, Certificate> held, Set<String> produced) {
			String type = this.first.certificateTypeCode();
			Provision provision = null;
			String certificateId = null;
			String certificateHolder = null;
			if (forApplicant) {
				if (type != null && held.containsKey(type)) {
					provision = Provision.CERTIFICATE;
					certificateId = held.get(type).id();
					certificateHolder = held.get(type).holderName();
				}
				else if (type != null && produced.contains(type)) {
					provision = Provision.SHARED;
				}
				else {
					provision = Provision.PROVIDE;
				}
			}
			return new MergedMaterial(this.first.name(), type, List.copyOf(this.neededBy), this.required, provision,
					certificateId, certificateHolder);
		}

	}

}
