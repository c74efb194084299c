"""Writes ../tongban.postman_collection.json. Edit the requests here and run: python3 postman/_source/build_collection.py
(or edit the JSON in Postman and keep this in step)."""
import pathlib
import json, uuid

def gql(name, query, variables=None, tests=(), prerequest=None, headers=None):
    item = {
        "name": name,
        "request": {
            "method": "POST",
            "header": [{"key": "Content-Type", "value": "application/json"}] + (headers or []),
            "body": {"mode": "graphql", "graphql": {"query": query, "variables": json.dumps(variables or {}, ensure_ascii=False, indent=1)}},
            "url": {"raw": "{{baseUrl}}/graphql", "host": ["{{baseUrl}}"], "path": ["graphql"]},
        },
        "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": list(tests)}}],
    }
    if prerequest:
        item["event"].append({"listen": "prerequest", "script": {"type": "text/javascript", "exec": list(prerequest)}})
    return item

def http(name, method, path, tests, query=None):
    url = {"raw": "{{baseUrl}}" + path, "host": ["{{baseUrl}}"], "path": [p for p in path.strip("/").split("/")]}
    if query:
        from urllib.parse import quote
        url["query"] = [{"key": k, "value": quote(v, safe="")} for k, v in query]
        url["raw"] += "?" + "&".join(f"{q['key']}={q['value']}" for q in url["query"])
    return {"name": name, "request": {"method": method, "header": [], "url": url},
            "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": list(tests)}}]}

OK = ["pm.test('HTTP 200', () => pm.response.to.have.status(200));",
      "const body = pm.response.json();",
      "pm.test('no errors', () => pm.expect(body.errors, JSON.stringify(body.errors)).to.be.undefined);"]

def err(code, field=None, classification="BAD_REQUEST"):
    t = ["const body = pm.response.json();",
         f"pm.test('error {code}', () => pm.expect(body.errors[0].extensions.code).to.eql('{code}'));",
         f"pm.test('classified {classification}', () => pm.expect(body.errors[0].extensions.classification).to.eql('{classification}'));",
         "pm.test('no internals in the message', () => pm.expect(body.errors[0].message).not.to.match(/Exception|cn\\.tongban/));"]
    if field:
        t.append(f"pm.test('names the field {field}', () => pm.expect(body.errors[0].extensions.field).to.eql('{field}'));")
    return t

CREATE = """mutation Create($input: CreateServiceItemInput!) {
  createServiceItem(input: $input) {
    serviceItem { code name level implementingAgency status version materials { certificateType { code } } }
  }
}"""
create_input = {"input": {"basicCode": "{{newBasicCode}}", "region": "370285", "name": "{{newItemName}}", "type": "PUBLIC_SERVICE",
    "department": "MZ", "targets": ["NATURAL_PERSON"], "lifeEvents": ["ELDERLY"], "legalTimeLimitDays": 20,
    "promisedTimeLimitDays": 5, "channels": ["MOBILE", "COUNTER"], "visitsRequired": 0, "codeEnabled": True,
    "materials": [{"name": "居民身份证", "form": "ORIGINAL", "certificateTypeCode": "GA-001", "required": True, "copies": 1}],
    "acceptanceConditions": ["年满60周岁的本市户籍老年人"], "process": ["在线申请", "审核", "办结"]}}

platform = {"name": "platform", "description": "Transport, errors and operations endpoints.", "item": [
    http("Health (with MongoDB)", "GET", "/actuator/health", [
        "pm.test('HTTP 200', () => pm.response.to.have.status(200));",
        "const body = pm.response.json();",
        "pm.test('UP', () => pm.expect(body.status).to.eql('UP'));",
        "pm.test('database UP', () => pm.expect(body.components.mongo.status).to.eql('UP'));"]),
    http("Prometheus metrics", "GET", "/actuator/prometheus", [
        "pm.test('HTTP 200', () => pm.response.to.have.status(200));",
        "pm.test('JVM metrics present', () => pm.expect(pm.response.text()).to.include('jvm_memory_used_bytes'));"]),
    http("Query over GET", "GET", "/graphql", OK + [
        "pm.test('11 regions', () => pm.expect(body.data.regions).to.have.lengthOf(11));"],
        query=[("query", "{ regions { code name } }")]),
    http("Mutation over GET is refused (405)", "GET", "/graphql", [
        "pm.test('HTTP 405', () => pm.response.to.have.status(405));",
        "pm.test('Allow: POST', () => pm.expect(pm.response.headers.get('Allow')).to.eql('POST'));",
        "pm.test('code', () => pm.expect(pm.response.json().errors[0].extensions.code).to.eql('MUTATION_OVER_GET'));"],
        query=[("query", 'mutation { retireServiceItem(input: {code: "x", reason: "y"}) { serviceItem { code } } }')]),
    gql("Syntax error carries a code", "{ regions { code ", tests=err("GRAPHQL_PARSE_FAILED", classification="InvalidSyntax")),
    gql("Unknown field carries a code", "{ regions { code nickname } }", tests=err("GRAPHQL_VALIDATION_FAILED", classification="ValidationError")),
    gql("Deep query is refused", "{ regions { " + "parent { " * 16 + "code" + " }" * 16 + " } }",
        tests=err("QUERY_TOO_DEEP")),
    gql("Alias overload is refused", "{ catalogStatistics { " + " ".join(f"a{i}: activeItemCount" for i in range(100)) + " } }",
        tests=err("TOO_MANY_ALIASES")),
    gql("Costly query is refused", "{ serviceItems(first: 100) { nodes { materials { certificateType { fields { key label } } } lifeEvents { name } department { name } } } }",
        tests=err("QUERY_TOO_COSTLY")),
    gql("English messages on request", '{ serviceItem(code: "370200XK0999999000") { name } }',
        headers=[{"key": "Accept-Language", "value": "en"}],
        tests=err("ITEM_NOT_FOUND", "code", "NOT_FOUND") + [
            "pm.test('English message', () => pm.expect(body.errors[0].message).to.eql('No service item with code 370200XK0999999000'));"]),
]}

catalog = {"name": "catalog", "description": "Service items (政务服务事项), their reference data and KPIs.", "item": [
    gql("departments", "{ departments { code number shortName name } }", tests=OK + [
        "pm.test('24 departments in catalogue order', () => { pm.expect(body.data.departments).to.have.lengthOf(24); pm.expect(body.data.departments[0].shortName).to.eql('公安'); });"]),
    gql("regions", "{ regions { code name fullName level parent { code } } }", tests=OK + [
        "pm.test('city and 10 districts', () => { pm.expect(body.data.regions.filter(r => r.level === 'DISTRICT')).to.have.lengthOf(10); pm.expect(body.data.regions[0].parent).to.be.null; });"]),
    gql("lifeEvents", "{ lifeEvents { code name audience description } }", tests=OK + [
        "pm.test('15 life events incl. BIRTH', () => { pm.expect(body.data.lifeEvents).to.have.lengthOf(15); pm.expect(body.data.lifeEvents.map(e => e.code)).to.include('BIRTH'); });"]),
    gql("hotServiceItems", "{ hotServiceItems(first: 10) { code name popularity channels } }", tests=OK + [
        "const hot = body.data.hotServiceItems;",
        "pm.test('10 items, most popular first', () => { pm.expect(hot).to.have.lengthOf(10); for (let i = 1; i < hot.length; i++) pm.expect(hot[i - 1].popularity).to.be.at.least(hot[i].popularity); });",
        "pm.test('all can be done on the phone', () => hot.forEach(i => pm.expect(i.channels).to.include('MOBILE')));"]),
    gql("serviceItems: name search in a district",
        "query($q: String, $filter: ServiceItemFilter) { serviceItems(query: $q, filter: $filter, first: 10) { totalCount nodes { code name region { code } } } }",
        {"q": "身份证", "filter": {"region": "370202"}}, tests=OK + [
        "const page = body.data.serviceItems;",
        "pm.test('found items', () => pm.expect(page.totalCount).to.be.above(0));",
        "pm.test('best matches hold the words', () => page.nodes.slice(0, 3).forEach(n => pm.expect(n.name).to.include('身份证')));",
        "pm.test('all in the filtered region', () => page.nodes.forEach(n => pm.expect(n.region.code).to.eql('370202')));",
        "pm.environment.set('itemCode', page.nodes[0].code);"]),
    gql("serviceItems: filters (birth, on the phone, for people)",
        "query($filter: ServiceItemFilter) { serviceItems(filter: $filter, first: 50) { totalCount nodes { targets channels lifeEvents { code } } } }",
        {"filter": {"lifeEvent": "BIRTH", "channel": "MOBILE", "target": "NATURAL_PERSON"}}, tests=OK + [
        "const page = body.data.serviceItems;",
        "pm.test('found items', () => pm.expect(page.totalCount).to.be.above(0));",
        "pm.test('every item matches every filter', () => page.nodes.forEach(n => { pm.expect(n.channels).to.include('MOBILE'); pm.expect(n.targets).to.include('NATURAL_PERSON'); pm.expect(n.lifeEvents.map(e => e.code)).to.include('BIRTH'); }));"]),
    gql("serviceItems: first page",
        "query($after: String) { serviceItems(first: 5, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { code popularity } } } }",
        {}, tests=OK + [
        "const page = body.data.serviceItems;",
        "pm.test('2,700+ items in the catalogue', () => pm.expect(page.totalCount).to.be.at.least(2700));",
        "pm.test('5 edges, more to come, none before', () => { pm.expect(page.edges).to.have.lengthOf(5); pm.expect(page.pageInfo.hasNextPage).to.be.true; pm.expect(page.pageInfo.hasPreviousPage).to.be.false; });",
        "pm.environment.set('endCursor', page.pageInfo.endCursor);",
        "pm.environment.set('lastCodeOfPage1', page.edges[4].node.code);"]),
    gql("serviceItems: next page",
        "query($after: String) { serviceItems(first: 5, after: $after) { pageInfo { hasPreviousPage } edges { node { code } } } }",
        {"after": "{{endCursor}}"}, tests=OK + [
        "const page = body.data.serviceItems;",
        "pm.test('continues after page 1', () => { pm.expect(page.pageInfo.hasPreviousPage).to.be.true; pm.expect(page.edges.map(e => e.node.code)).not.to.include(pm.environment.get('lastCodeOfPage1')); });"]),
    gql("serviceItems: colloquial search near the resident", """query($q: String, $near: ID) {
  serviceItems(query: $q, near: $near, first: 5) {
    totalCount
    edges { score node { code name region { code } } nameHighlight { text matched } }
    facets { departments { department { code shortName } count } lifeEvents { lifeEvent { code name } count } channels { channel count } }
  }
}""", {"q": "身份证丢了", "near": "370212"}, tests=OK + [
        "const page = body.data.serviceItems;",
        "pm.test('补领 first, in the resident\\'s district', () => { pm.expect(page.edges[0].node.name).to.eql('居民身份证补领'); pm.expect(page.edges[0].node.region.code).to.eql('370212'); });",
        "pm.test('scores descend', () => page.edges.forEach((e, i) => i && pm.expect(e.score).to.be.at.most(page.edges[i - 1].score)));",
        "pm.test('matched part marked', () => pm.expect(page.edges[0].nameHighlight.some(s => s.matched)).to.be.true);",
        "pm.test('department facets add up', () => pm.expect(page.facets.departments.reduce((n, f) => n + f.count, 0)).to.eql(page.totalCount));",
        "pm.test('facets name their values', () => pm.expect(page.facets.departments[0].department.shortName).to.eql('公安'));"]),
    gql("serviceItems: pinyin initials", "query($q: String) { serviceItems(query: $q, first: 3) { nodes { name } edges { nameHighlight { text matched } } } }",
        {"q": "gjj"}, tests=OK + [
        "pm.test('公积金 items first', () => body.data.serviceItems.nodes.forEach(n => pm.expect(n.name).to.include('公积金')));",
        "pm.test('公积金 marked', () => pm.expect(body.data.serviceItems.edges[0].nameHighlight.filter(s => s.matched).map(s => s.text).join('')).to.include('公积金'));"]),
    gql("serviceItems: one-character typo", "query($q: String) { serviceItems(query: $q, first: 3) { nodes { name } } }",
        {"q": "居民身份正换领"}, tests=OK + [
        "pm.test('still found', () => pm.expect(body.data.serviceItems.nodes.map(n => n.name)).to.include('居民身份证换领'));"]),
    gql("serviceItems: Lucene syntax is just text", "query($q: String) { serviceItems(query: $q) { totalCount } }",
        {"q": "title:* OR 1=1"}, tests=OK + [
        "pm.test('nothing matches, nothing breaks', () => pm.expect(body.data.serviceItems.totalCount).to.eql(0));"]),
    gql("searchSuggestions: Chinese prefix", "query($p: String!) { searchSuggestions(prefix: $p, first: 5) { text segments { text matched } } }",
        {"p": "身份"}, tests=OK + [
        "const s = body.data.searchSuggestions;",
        "pm.test('5 completions containing the prefix', () => { pm.expect(s).to.have.lengthOf(5); s.forEach(x => pm.expect(x.text).to.include('身份')); });",
        "pm.test('prefix marked', () => pm.expect(s[0].segments.find(x => x.matched).text).to.eql('身份'));"]),
    gql("searchSuggestions: pinyin initials", "query($p: String!) { searchSuggestions(prefix: $p, first: 10) { text } }",
        {"p": "gj"}, tests=OK + [
        "pm.test('finds 住房公积金…', () => pm.expect(body.data.searchSuggestions.some(s => s.text.startsWith('住房公积金'))).to.be.true);"]),
    gql("searchSuggestions: too many is refused", '{ searchSuggestions(prefix: "gj", first: 21) { text } }', tests=err("INVALID_PAGE_SIZE", "first")),
    gql("searchSuggestions: over-long prefix is refused", "query($p: String!) { searchSuggestions(prefix: $p) { text } }",
        {"p": "办" * 51}, tests=err("INVALID_ARGUMENT", "query")),
    gql("serviceItems: page size over 100 is refused", "{ serviceItems(first: 101) { totalCount } }", tests=err("INVALID_PAGE_SIZE", "first")),
    gql("serviceItems: malformed cursor is refused", '{ serviceItems(after: "garbage") { totalCount } }', tests=err("INVALID_CURSOR", "after")),
    gql("serviceItems: over-long query is refused", "query($q: String) { serviceItems(query: $q) { totalCount } }",
        {"q": "我" * 51}, tests=err("INVALID_ARGUMENT", "query")),
    gql("serviceItems: unknown department is refused", '{ serviceItems(filter: {department: "NOPE"}) { totalCount } }',
        tests=err("UNKNOWN_REFERENCE", "filter.department")),
    gql("serviceItem: full guide", """query($code: ID!) {
  serviceItem(code: $code) {
    code basicCode name type level implementingAgency targets acceptanceConditions legalBasis
    legalTimeLimitDays promisedTimeLimitDays quantityLimit channels visitsRequired serviceModes process codeEnabled
    consultationPhone status updatedAt version
    department { code name } region { code fullName parent { name } } lifeEvents { code name }
    fee { charged description }
    materials { name form required copies note replaceableByCertificate certificateType { code name issuingDepartment { shortName } } }
    resultCertificateType { code name }
  }
}""", {"code": "{{itemCode}}"}, tests=OK + [
        "const item = body.data.serviceItem;",
        "pm.test('is the requested item', () => pm.expect(item.code).to.eql(pm.environment.get('itemCode')));",
        "pm.test('guide complete', () => { pm.expect(item.materials).to.not.be.empty; pm.expect(item.promisedTimeLimitDays).to.be.at.most(item.legalTimeLimitDays); pm.expect(item.department.name).to.be.a('string'); });",
        "pm.test('e-certificate replaces a material', () => pm.expect(item.materials.some(m => m.replaceableByCertificate && m.certificateType)).to.be.true);"]),
    gql("serviceItem: unknown code", '{ serviceItem(code: "370200XK0999999000") { name } }', tests=err("ITEM_NOT_FOUND", "code", "NOT_FOUND")),
    gql("catalogStatistics: whole catalogue", """{ catalogStatistics {
    activeItemCount averageLegalTimeLimitDays averagePromisedTimeLimitDays timeLimitReductionRate
    mobileHandleableRate { numerator denominator value target targetMet }
    certificateCoverageRate { numerator denominator value target targetMet }
    zeroVisitRate { numerator denominator value } } }""", tests=OK + [
        "const s = body.data.catalogStatistics;",
        "pm.test('covers the catalogue', () => pm.expect(s.activeItemCount).to.be.at.least(2700));",
        "pm.test('rates are consistent', () => [s.mobileHandleableRate, s.zeroVisitRate].forEach(r => { pm.expect(r.denominator).to.eql(s.activeItemCount); pm.expect(r.value).to.be.closeTo(r.numerator / r.denominator, 1e-9); }));",
        "pm.test('targets from the plans', () => { pm.expect(s.mobileHandleableRate.target).to.eql(0.95); pm.expect(s.certificateCoverageRate.target).to.eql(0.8); pm.expect(s.certificateCoverageRate.targetMet).to.eql(s.certificateCoverageRate.value >= 0.8); });",
        "pm.test('promised faster than legal', () => pm.expect(s.averagePromisedTimeLimitDays).to.be.below(s.averageLegalTimeLimitDays));"]),
    gql("catalogStatistics: one district", '{ catalogStatistics(region: "370202") { regionCode activeItemCount } }', tests=OK + [
        "pm.test('district figures', () => { pm.expect(body.data.catalogStatistics.regionCode).to.eql('370202'); pm.expect(body.data.catalogStatistics.activeItemCount).to.be.above(100); });"]),
    gql("createServiceItem (ADMIN)", CREATE, create_input, prerequest=[
        "// a fresh code each run, so the collection also runs against a long-lived server",
        "const seq = String(Math.floor(Math.random() * 1e7)).padStart(7, '0');",
        "pm.environment.set('newBasicCode', 'GG004' + seq);",
        "pm.environment.set('newItemName', '老年人助餐服务申请' + seq);"], tests=OK + [
        "const item = body.data.createServiceItem.serviceItem;",
        "pm.test('created in 莱西市', () => { pm.expect(item.code).to.eql('370285' + pm.environment.get('newBasicCode')); pm.expect(item.level).to.eql('DISTRICT'); pm.expect(item.implementingAgency).to.eql('莱西市民政局'); });",
        "pm.test('version 0, active', () => { pm.expect(item.version).to.eql(0); pm.expect(item.status).to.eql('ACTIVE'); });",
        "pm.environment.set('newItemCode', item.code);"]),
    gql("createServiceItem: same code again is refused", CREATE, create_input, tests=err("ITEM_CODE_TAKEN", "input.basicCode")),
    gql("createServiceItem: invalid input names the fields", CREATE,
        {"input": dict(create_input["input"], name="助", promisedTimeLimitDays=400)}, tests=[
        "const body = pm.response.json();",
        "pm.test('validation errors', () => body.errors.forEach(e => pm.expect(e.extensions.code).to.eql('VALIDATION_FAILED')));",
        "pm.test('fields named', () => pm.expect(body.errors.map(e => e.extensions.field)).to.include.members(['input.name', 'input.promisedTimeLimitDays']));"]),
    gql("serviceItems: created item is searchable at once", "query($q: String) { serviceItems(query: $q, first: 5) { totalCount nodes { code } } }",
        {"q": "{{newItemName}}"}, tests=OK + [
        "pm.test('best match', () => pm.expect(body.data.serviceItems.nodes[0].code).to.eql(pm.environment.get('newItemCode')));"]),
    gql("updateServiceItem (ADMIN)", "mutation($input: UpdateServiceItemInput!) { updateServiceItem(input: $input) { serviceItem { version promisedTimeLimitDays name } } }",
        {"input": {"code": "{{newItemCode}}", "expectedVersion": 0, "promisedTimeLimitDays": 3}}, tests=OK + [
        "const item = body.data.updateServiceItem.serviceItem;",
        "pm.test('changed and versioned', () => { pm.expect(item.promisedTimeLimitDays).to.eql(3); pm.expect(item.version).to.eql(1); pm.expect(item.name).to.eql(pm.environment.get('newItemName')); });"]),
    gql("updateServiceItem: stale version is a conflict", "mutation($input: UpdateServiceItemInput!) { updateServiceItem(input: $input) { serviceItem { version } } }",
        {"input": {"code": "{{newItemCode}}", "expectedVersion": 0, "name": "过期的修改"}}, tests=err("VERSION_CONFLICT", "input.expectedVersion")),
    gql("retireServiceItem (ADMIN)", "mutation($input: RetireServiceItemInput!) { retireServiceItem(input: $input) { serviceItem { status retiredReason } } }",
        {"input": {"code": "{{newItemCode}}", "reason": "测试完成，停用"}}, tests=OK + [
        "pm.test('retired', () => pm.expect(body.data.retireServiceItem.serviceItem.status).to.eql('RETIRED'));"]),
    gql("serviceItems: retired item is no longer listed", "query($q: String) { serviceItems(query: $q, first: 100) { nodes { code } } }",
        {"q": "{{newItemName}}"}, tests=OK + [
        "pm.test('not listed', () => pm.expect(body.data.serviceItems.nodes.map(n => n.code)).not.to.include(pm.environment.get('newItemCode')));"]),
]}

certificate = {"name": "certificate", "description": "Electronic certificates (电子证照).", "item": [
    gql("certificateTypes", "{ certificateTypes { code name holderKind validityYears issuingDepartment { shortName } fields { key label sensitive } } }", tests=OK + [
        "const types = body.data.certificateTypes;",
        "pm.test('30+ types', () => pm.expect(types.length).to.be.above(30));",
        "pm.test('居民身份证 issued by 公安', () => { const id = types.find(t => t.code === 'GA-001'); pm.expect(id.name).to.eql('居民身份证'); pm.expect(id.issuingDepartment.shortName).to.eql('公安'); pm.expect(id.fields.find(f => f.key === 'holderIdNumber').sensitive).to.be.true; });"]),
]}

collection = {
    "info": {"_postman_id": "0b7f3c52-9d0e-4a1b-8f6c-2e5d4c3b2a19", "name": "Tongban 通办 GraphQL API",
             "description": "Every query and mutation of the Tongban API with assertions. Run with the environment "
                            "tongban.postman_environment.json against the default run (mvn spring-boot:run), or let "
                            "`mvn verify` run it against a freshly started service.",
             "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
    "item": [platform, catalog, certificate],
}
json.dump(collection, open(pathlib.Path(__file__).resolve().parent.parent / "tongban.postman_collection.json", "w"), ensure_ascii=False, indent=1)
print("ok")
