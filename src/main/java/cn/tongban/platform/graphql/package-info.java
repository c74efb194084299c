/**
 * GraphQL plumbing every module uses: stable error codes, Relay pagination, scalars, HTTP GET.
 */
@NamedInterface("graphql")
package cn.tongban.platform.graphql;

import org.springframework.modulith.NamedInterface;
