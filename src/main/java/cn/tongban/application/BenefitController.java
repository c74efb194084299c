package cn.tongban.application;

import java.util.List;
import java.util.Map;

import cn.tongban.platform.graphql.Batches;
import cn.tongban.platform.security.Delegated;
import cn.tongban.platform.security.Subject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** 免申即享 for residents: consent to matching, the offers it made, accepting one. */
@Controller
class BenefitController {

	static final String RESIDENTS = "hasRole('RESIDENT')";

	/** Offers are the represented person's to see and take up through a relative (亲情代办). */
	static final String OFFER_TAKERS = RESIDENTS + " or " + Delegated.APPLICATIONS;

	private final BenefitMatching matching;

	private final ApplicationQueries applications;

	BenefitController(BenefitMatching matching, ApplicationQueries applications) {
		this.applications = applications;
		this.matching = matching;
	}

	@QueryMapping
	@PreAuthorize(RESIDENTS)
	MatchingConsent myProactiveMatching(Authentication caller) {
		return this.matching.consent(Subject.from(caller).id());
	}

	@QueryMapping
	@PreAuthorize(OFFER_TAKERS)
	List<BenefitOffer> myBenefitOffers(Authentication caller) {
		return this.matching.offers(Subject.from(caller).id());
	}

	@MutationMapping
	@PreAuthorize(RESIDENTS)
	ConsentPayload setProactiveMatching(@Argument @Valid ConsentInput input, Authentication caller) {
		Subject resident = Subject.from(caller);
		MatchingConsent consent = this.matching.setConsent(resident, input.enabled());
		return new ConsentPayload(consent, this.matching.offers(resident.id()));
	}

	@MutationMapping
	@PreAuthorize(OFFER_TAKERS)
	ApplicationController.Payload acceptBenefitOffer(@Argument @Valid AcceptInput input, Authentication caller) {
		return new ApplicationController.Payload(this.matching.accept(Subject.from(caller), input.offerId()));
	}

	@SchemaMapping(typeName = "BenefitOffer")
	BenefitPolicy policy(BenefitOffer offer) {
		return this.matching.policies().get(offer.policyCode());
	}

	/** The application that granted the offer: the offer's person's own. */
	@BatchMapping(typeName = "BenefitOffer", field = "application")
	Map<BenefitOffer, Application> application(List<BenefitOffer> offers, Authentication caller) {
		String personId = Subject.from(caller).id();
		return Batches.resolve(offers, BenefitOffer::applicationId, (ids) -> this.applications.ofApplicant(personId, ids));
	}

	record ConsentInput(@NotNull Boolean enabled) {
	}

	record AcceptInput(@NotBlank @Size(max = 40) String offerId) {
	}

	record ConsentPayload(MatchingConsent matching, List<BenefitOffer> offers) {
	}

}
