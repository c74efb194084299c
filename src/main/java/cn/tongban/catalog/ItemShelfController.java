package cn.tongban.catalog;

import java.util.List;

import cn.tongban.platform.security.Subject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** A resident's favourites (收藏) and recent items (最近使用) for the home screen. */
@Controller
class ItemShelfController {

	static final String APP_USERS = "hasAnyRole('RESIDENT', 'ENTERPRISE')";

	private final ItemShelves shelves;

	ItemShelfController(ItemShelves shelves) {
		this.shelves = shelves;
	}

	@QueryMapping
	@PreAuthorize(APP_USERS)
	List<ServiceItem> myFavouriteItems(Authentication caller) {
		return this.shelves.items(this.shelves.shelf(Subject.from(caller).id()).favourites());
	}

	@QueryMapping
	@PreAuthorize(APP_USERS)
	List<ServiceItem> myRecentItems(Authentication caller) {
		return this.shelves.items(this.shelves.shelf(Subject.from(caller).id()).recent());
	}

	@MutationMapping
	@PreAuthorize(APP_USERS)
	Payload addFavouriteItem(@Argument @Valid ItemInput input, Authentication caller) {
		return payload(this.shelves.addFavourite(Subject.from(caller).id(), input.code()));
	}

	@MutationMapping
	@PreAuthorize(APP_USERS)
	Payload removeFavouriteItem(@Argument @Valid ItemInput input, Authentication caller) {
		return payload(this.shelves.removeFavourite(Subject.from(caller).id(), input.code()));
	}

	@MutationMapping
	@PreAuthorize(APP_USERS)
	Payload reorderFavouriteItems(@Argument @Valid OrderInput input, Authentication caller) {
		return payload(this.shelves.reorderFavourites(Subject.from(caller).id(), input.codes()));
	}

	private Payload payload(ItemShelf shelf) {
		return new Payload(this.shelves.items(shelf.favourites()));
	}

	record ItemInput(@NotBlank @Size(max = 40) String code) {
	}

	record OrderInput(@NotNull @Size(max = ItemShelves.MAX_FAVOURITES) List<@NotBlank @Size(max = 40) String> codes) {
	}

	record Payload(List<ServiceItem> favourites) {
	}

}
