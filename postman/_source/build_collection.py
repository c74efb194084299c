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

def token(name, client, secret, form, tests):
    """POST /oauth2/token with HTTP Basic client authentication and a form body."""
    return {"name": name, "request": {
        "method": "POST",
        "auth": {"type": "basic", "basic": [{"key": "username", "value": client, "type": "string"},
                                            {"key": "password", "value": secret, "type": "string"}]},
        "header": [{"key": "Content-Type", "value": "application/x-www-form-urlencoded"}],
        "body": {"mode": "urlencoded", "urlencoded": [{"key": k, "value": v, "type": "text"} for k, v in form]},
        "url": {"raw": "{{baseUrl}}/oauth2/token", "host": ["{{baseUrl}}"], "path": ["oauth2", "token"]}},
        "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": list(tests)}}]}

def bearer(role):
    return [{"key": "Authorization", "value": "Bearer {{" + role + "Token}}"}]

def saves_token(variable):
    return ["pm.test('HTTP 200', () => pm.response.to.have.status(200));",
            "const body = pm.response.json();",
            "pm.test('a Bearer access token', () => { pm.expect(body.token_type).to.eql('Bearer'); pm.expect(body.access_token.split('.')).to.have.lengthOf(3); });",
            f"pm.environment.set('{variable}', body.access_token);"]

def http(name, method, path, tests, query=None, headers=None):
    url = {"raw": "{{baseUrl}}" + path, "host": ["{{baseUrl}}"], "path": [p for p in path.strip("/").split("/")]}
    if query:
        from urllib.parse import quote
        url["query"] = [{"key": k, "value": quote(v, safe="")} for k, v in query]
        url["raw"] += "?" + "&".join(f"{q['key']}={q['value']}" for q in url["query"])
    return {"name": name, "request": {"method": method, "header": headers or [], "url": url},
            "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": list(tests)}}]}

def raw(name, body, content_type, tests, prerequest=None):
    """POST /graphql with a raw body, for the refusals of malformed requests."""
    item = {"name": name, "request": {"method": "POST", "header": [{"key": "Content-Type", "value": content_type}],
        "body": {"mode": "raw", "raw": body},
        "url": {"raw": "{{baseUrl}}/graphql", "host": ["{{baseUrl}}"], "path": ["graphql"]}},
        "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": list(tests)}}]}
    if prerequest:
        item["event"].append({"listen": "prerequest", "script": {"type": "text/javascript", "exec": list(prerequest)}})
    return item

OK = ["pm.test('HTTP 200', () => pm.response.to.have.status(200));",
      "const body = pm.response.json();",
      "pm.test('no errors', () => pm.expect(body.errors, JSON.stringify(body.errors)).to.be.undefined);"]

VERIFY_DOC = """mutation($input: VerifyCertificateInput!) { verifyCertificate(input: $input) { genuine valid status certificateNumber certificateType { code } fields { key value } consentExpiresAt } }"""

SMS = "urn:tongban:params:oauth:grant-type:sms-code"
ACCOUNT = "urn:tongban:params:oauth:grant-type:account-password"

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
    serviceItem { code name level implementingAgency status version plainSteps materials { certificateType { code } } }
  }
}"""
create_input = {"input": {"basicCode": "{{newBasicCode}}", "region": "370285", "name": "{{newItemName}}", "type": "PUBLIC_SERVICE",
    "department": "MZ", "targets": ["NATURAL_PERSON"], "lifeEvents": ["ELDERLY"], "legalTimeLimitDays": 20,
    "promisedTimeLimitDays": 5, "channels": ["MOBILE", "COUNTER"], "visitsRequired": 0, "codeEnabled": True,
    "materials": [{"name": "居民身份证", "form": "ORIGINAL", "certificateTypeCode": "GA-001", "required": True, "copies": 1}],
    "acceptanceConditions": ["年满60周岁的本市户籍老年人"], "process": ["在线申请", "审核", "办结"],
    "plainSteps": ["在手机上提交助餐申请。", "社区核对后通知您。", "到就近的助餐点吃饭。"]}}

platform = {"name": "platform", "description": "Transport, errors and operations endpoints.", "item": [
    http("GET a catalogue read: cacheable, with an ETag", "GET", "/graphql", [
        "pm.test('HTTP 200', () => pm.response.to.have.status(200));",
        "pm.test('public for a minute', () => pm.expect(pm.response.headers.get('Cache-Control')).to.eql('public, max-age=60'));",
        "pm.test('a weak ETag', () => pm.expect(pm.response.headers.get('ETag')).to.match(/^W\\/\"[0-9a-f]{32}\"$/));",
        "pm.environment.set('regionsEtag', pm.response.headers.get('ETag'));"], query=[("query", "{ regions { code } }")]),
    http("GET the same read with If-None-Match: 304, no body", "GET", "/graphql", [
        "pm.test('HTTP 304', () => pm.response.to.have.status(304));",
        "pm.test('no body', () => pm.expect(pm.response.text()).to.eql(''));"], query=[("query", "{ regions { code } }")],
        headers=[{"key": "If-None-Match", "value": "{{regionsEtag}}"}]),
    http("GraphiQL: the page loads nothing from a CDN", "GET", "/graphiql", [
        "pm.test('HTTP 200', () => pm.response.to.have.status(200));",
        "const page = pm.response.text();",
        "pm.test('no CDN (政务外网 has none)', () => ['esm.sh', 'unpkg', 'jsdelivr', 'https://'].forEach(cdn => pm.expect(page).not.to.include(cdn)));",
        "pm.test('its scripts and styles are the service own', () => { const refs = [...page.matchAll(/(?:src|href)=\"([^\"]+)\"/g)].map(m => m[1]); pm.expect(refs).to.have.lengthOf(4); refs.forEach(r => pm.expect(r.startsWith('graphiql-assets/')).to.be.true); });"],
        query=[("path", "/graphql")]),
    http("GraphiQL: its script is served", "GET", "/graphiql-assets/graphiql.min.js", [
        "pm.test('HTTP 200', () => pm.response.to.have.status(200));",
        "pm.test('GraphiQL with its fetcher', () => pm.expect(pm.response.text()).to.include('createFetcher'));"]),
    gql("Cost: every answer says what it was estimated to cost and what it cost", "{ serviceItems(first: 10) { nodes { code name } } }", {}, tests=OK + [
        "const cost = body.extensions.cost;",
        "pm.test('requested: the list and 10 items of 3 fields', () => pm.expect(cost.requestedQueryCost).to.eql(1 + 10 * 3));",
        "pm.test('actual: what the answer holds', () => pm.expect(cost.actualQueryCost).to.eql(1 + 1 + 10 * 2));",
        "pm.test('the caller budget', () => { pm.expect(cost.throttleStatus.maximumAvailable).to.be.above(0); pm.expect(cost.throttleStatus.currentlyAvailable).to.be.at.most(cost.throttleStatus.maximumAvailable); pm.expect(cost.throttleStatus.restoreRate).to.be.above(0); });"]),
    raw("APQ: an unknown hash is PersistedQueryNotFound", '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "{{apqHash}}"}}}', "application/json", [
        "pm.test('HTTP 200', () => pm.response.to.have.status(200));",
        "const body = pm.response.json();",
        "pm.test('the protocol message and code', () => { pm.expect(body.errors[0].message).to.eql('PersistedQueryNotFound'); pm.expect(body.errors[0].extensions.code).to.eql('PERSISTED_QUERY_NOT_FOUND'); });"],
        prerequest=["const q = 'query Apq' + Date.now() + ' { regions { code } }';",
                    "pm.environment.set('apqQuery', q);",
                    "pm.environment.set('apqHash', CryptoJS.SHA256(q).toString());"]),
    raw("APQ: the text with its hash registers it", '{"query": "{{apqQuery}}", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "{{apqHash}}"}}}', "application/json", OK + [
        "pm.test('answered', () => pm.expect(body.data.regions[0].code).to.eql('370200'));"]),
    raw("APQ: the hash alone now runs", '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "{{apqHash}}"}}}', "application/json", OK + [
        "pm.test('answered from the registered text', () => pm.expect(body.data.regions[0].code).to.eql('370200'));"]),
    raw("APQ: a hash that is not the text's is refused", '{"query": "{ regions { code } }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "{{apqHash}}"}}}', "application/json", [
        "pm.test('HTTP 400', () => pm.response.to.have.status(400));",
        "pm.test('code PERSISTED_QUERY_HASH_MISMATCH', () => pm.expect(pm.response.json().errors[0].extensions.code).to.eql('PERSISTED_QUERY_HASH_MISMATCH'));"]),
    http("Health: status only for strangers", "GET", "/actuator/health", [
        "pm.test('HTTP 200', () => pm.response.to.have.status(200));",
        "const body = pm.response.json();",
        "pm.test('UP', () => pm.expect(body.status).to.eql('UP'));",
        "pm.test('no details (paths, disk, database name)', () => pm.expect(body.components).to.be.undefined);"]),
    http("Health with details (ADMIN)", "GET", "/actuator/health", [
        "pm.test('HTTP 200', () => pm.response.to.have.status(200));",
        "const body = pm.response.json();",
        "pm.test('database UP', () => pm.expect(body.components.mongo.status).to.eql('UP'));",
        "pm.test('disk check on the data folder', () => pm.expect(body.components.diskSpace.details.path).to.be.a('string'));"],
        headers=bearer("admin")),
    http("Prometheus metrics (ADMIN)", "GET", "/actuator/prometheus", [
        "pm.test('HTTP 200', () => pm.response.to.have.status(200));",
        "pm.test('JVM metrics present', () => pm.expect(pm.response.text()).to.include('jvm_memory_used_bytes'));"],
        headers=bearer("admin")),
    http("Prometheus metrics need a token", "GET", "/actuator/prometheus", [
        "pm.test('HTTP 401', () => pm.response.to.have.status(401));"]),
    http("Query over GET", "GET", "/graphql", OK + [
        "pm.test('11 regions', () => pm.expect(body.data.regions).to.have.lengthOf(11));"],
        query=[("query", "{ regions { code name } }")]),
    http("Mutation over GET is refused (405)", "GET", "/graphql", [
        "pm.test('HTTP 405', () => pm.response.to.have.status(405));",
        "pm.test('Allow: POST', () => pm.expect(pm.response.headers.get('Allow')).to.eql('POST'));",
        "pm.test('code', () => pm.expect(pm.response.json().errors[0].extensions.code).to.eql('MUTATION_OVER_GET'));"],
        query=[("query", 'mutation { retireServiceItem(input: {code: "x", reason: "y"}) { serviceItem { code } } }')]),
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
    gql("names in English (Accept-Language: en)",
        '{ departments { code name } lifeEvents { code name } certificateTypes { code name } bundles { code name } codeScenarios { code name } serviceItem(code: "370202QR0010006000") { name region { name } } }',
        headers=[{"key": "Accept-Language", "value": "en"}], tests=OK + [
            "const d = body.data;",
            "pm.test('department, life event, certificate type, bundle and scenario in English', () => { pm.expect(d.departments.find(x => x.code === 'GA').name).to.eql('Qingdao Public Security Bureau'); pm.expect(d.lifeEvents.find(x => x.code === 'BIRTH').name).to.eql('Birth'); pm.expect(d.certificateTypes.find(x => x.code === 'GA-001').name).to.eql('Resident identity card'); pm.expect(d.bundles.find(x => x.code === 'NEWBORN').name).to.eql('Newborn: one application'); pm.expect(d.codeScenarios.find(x => x.code === 'BUS').name).to.eql('Ride the bus'); });",
            "pm.test('the item and its region in English', () => { pm.expect(d.serviceItem.name).to.eql('Birth registration'); pm.expect(d.serviceItem.region.name).to.eql('Shinan District'); });",
            "pm.test('no Chinese left in any name', () => [d.departments, d.lifeEvents, d.certificateTypes, d.bundles, d.codeScenarios].flat().forEach(x => pm.expect(x.name).to.not.match(/[\\u4e00-\\u9fff]/)));"]),
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
        "pm.test('300+ basic items in the catalogue (one result each)', () => pm.expect(page.totalCount).to.be.at.least(300));",
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
    gql("serviceItems: one result per basic item", """query($q: String) {
  serviceItems(query: $q, first: 20) { totalCount edges { node { code basicCode region { code } implementations { code } } } facets { departments { count } } }
}""", {"q": "社保"}, tests=OK + [
        "const page = body.data.serviceItems;",
        "const basics = page.edges.map(e => e.node.basicCode);",
        "pm.test('no two results share a basic item', () => pm.expect(new Set(basics).size).to.eql(basics.length));",
        "pm.test('shown as the city implementation where there is one', () => page.edges.filter(e => e.node.implementations.length === 11).forEach(e => pm.expect(e.node.region.code).to.eql('370200')));",
        "pm.test('the other regions are reachable', () => pm.expect(page.edges[0].node.implementations.map(i => i.code)).to.include(page.edges[0].node.code));",
        "pm.test('facets count basic items', () => pm.expect(page.facets.departments.reduce((n, f) => n + f.count, 0)).to.eql(page.totalCount));"]),
    gql("serviceItems: every implementation", "query($q: String) { serviceItems(query: $q, everyImplementation: true, first: 20) { totalCount nodes { basicCode region { code } } } }",
        {"q": "社会保障卡启用"}, tests=OK + [
        "const nodes = body.data.serviceItems.nodes.filter(n => n.basicCode === 'GG0020003000');",
        "pm.test('the city and ten districts, each a result', () => pm.expect(new Set(nodes.map(n => n.region.code)).size).to.eql(11));"]),
    gql("serviceItems: homophone typo corrected", "query($q: String) { serviceItems(query: $q, first: 3) { correctedQuery nodes { name } } }",
        {"q": "身分证"}, tests=OK + [
        "pm.test('corrected to 身份证', () => pm.expect(body.data.serviceItems.correctedQuery).to.eql('身份证'));",
        "pm.test('身份证 items first', () => body.data.serviceItems.nodes.forEach(n => pm.expect(n.name).to.include('身份证')));"]),
    gql("serviceItems: no result is no dead end", "query($q: String) { serviceItems(query: $q, first: 3) { totalCount noResults { didYouMean relatedLifeEvents { code } hotItems { code channels } } } }",
        {"q": "招聘"}, tests=OK + [
        "const none = body.data.serviceItems.noResults;",
        "pm.test('nothing matched', () => pm.expect(body.data.serviceItems.totalCount).to.eql(0));",
        "pm.test('hot items offered instead, all doable on the phone', () => { pm.expect(none.hotItems).to.have.lengthOf(5); none.hotItems.forEach(i => pm.expect(i.channels).to.include('MOBILE')); });"]),
    gql("serviceItems: Lucene syntax is just text", "query($q: String) { serviceItems(query: $q) { totalCount } }",
        {"q": "title:* OR 1=1"}, tests=OK + [
        "pm.test('read as words, not as a field query with a wildcard that selects everything', () => pm.expect(body.data.serviceItems.totalCount).to.be.below(10));"]),
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
    gql("catalogStatistics: one district", '{ catalogStatistics(region: "370202") { region { code name } activeItemCount } }', tests=OK + [
        "pm.test('district figures', () => { pm.expect(body.data.catalogStatistics.region.code).to.eql('370202'); pm.expect(body.data.catalogStatistics.region.name).to.eql('市南区'); pm.expect(body.data.catalogStatistics.activeItemCount).to.be.above(100); });"]),
    gql("createServiceItem (ADMIN)", CREATE, create_input, prerequest=[
        "// a fresh code each run, so the collection also runs against a long-lived server",
        "const seq = String(Math.floor(Math.random() * 1e7)).padStart(7, '0');",
        "pm.environment.set('newBasicCode', 'GG004' + seq);",
        "pm.environment.set('newItemName', '老年人助餐服务申请' + seq);"], headers=bearer("admin"), tests=OK + [
        "const item = body.data.createServiceItem.serviceItem;",
        "pm.test('created in 莱西市', () => { pm.expect(item.code).to.eql('370285' + pm.environment.get('newBasicCode')); pm.expect(item.level).to.eql('DISTRICT'); pm.expect(item.implementingAgency).to.eql('莱西市民政局'); });",
        "pm.test('version 0, active', () => { pm.expect(item.version).to.eql(0); pm.expect(item.status).to.eql('ACTIVE'); });",
        "pm.test('plain steps as written', () => pm.expect(item.plainSteps).to.have.lengthOf(3));",
        "pm.environment.set('newItemCode', item.code);"]),
    gql("createServiceItem: same code again is refused", CREATE, create_input, headers=bearer("admin"), tests=err("ITEM_CODE_TAKEN", "input.basicCode")),
    gql("createServiceItem: invalid input names the fields", CREATE,
        {"input": dict(create_input["input"], name="助", promisedTimeLimitDays=400)}, headers=bearer("admin"), tests=[
        "const body = pm.response.json();",
        "pm.test('validation errors', () => body.errors.forEach(e => pm.expect(e.extensions.code).to.eql('VALIDATION_FAILED')));",
        "pm.test('fields named', () => pm.expect(body.errors.map(e => e.extensions.field)).to.include.members(['input.name', 'input.promisedTimeLimitDays']));"]),
    gql("createServiceItem: 7 plain steps, or one over 30 characters, is VALIDATION_FAILED", CREATE,
        {"input": dict(create_input["input"], plainSteps=["一步。"] * 7)}, headers=bearer("admin"), tests=err("VALIDATION_FAILED", "input.plainSteps")),
    gql("serviceItems: created item is searchable at once", "query($q: String) { serviceItems(query: $q, first: 5) { totalCount nodes { code } } }",
        {"q": "{{newItemName}}"}, tests=OK + [
        "pm.test('best match', () => pm.expect(body.data.serviceItems.nodes[0].code).to.eql(pm.environment.get('newItemCode')));"]),
    gql("updateServiceItem (ADMIN)", "mutation($input: UpdateServiceItemInput!) { updateServiceItem(input: $input) { serviceItem { version promisedTimeLimitDays name } } }",
        {"input": {"code": "{{newItemCode}}", "expectedVersion": 0, "promisedTimeLimitDays": 3}}, headers=bearer("admin"), tests=OK + [
        "const item = body.data.updateServiceItem.serviceItem;",
        "pm.test('changed and versioned', () => { pm.expect(item.promisedTimeLimitDays).to.eql(3); pm.expect(item.version).to.eql(1); pm.expect(item.name).to.eql(pm.environment.get('newItemName')); });"]),
    gql("updateServiceItem: stale version is a conflict", "mutation($input: UpdateServiceItemInput!) { updateServiceItem(input: $input) { serviceItem { version } } }",
        {"input": {"code": "{{newItemCode}}", "expectedVersion": 0, "name": "过期的修改"}}, headers=bearer("admin"), tests=err("VERSION_CONFLICT", "input.expectedVersion")),
    gql("retireServiceItem (ADMIN)", "mutation($input: RetireServiceItemInput!) { retireServiceItem(input: $input) { serviceItem { status retiredReason } } }",
        {"input": {"code": "{{newItemCode}}", "reason": "测试完成，停用"}}, headers=bearer("admin"), tests=OK + [
        "pm.test('retired', () => pm.expect(body.data.retireServiceItem.serviceItem.status).to.eql('RETIRED'));"]),
    gql("serviceItems: retired item is no longer listed", "query($q: String) { serviceItems(query: $q, first: 100) { nodes { code } } }",
        {"q": "{{newItemName}}"}, tests=OK + [
        "pm.test('not listed', () => pm.expect(body.data.serviceItems.nodes.map(n => n.code)).not.to.include(pm.environment.get('newItemCode')));"]),
]}

certificate = {"name": "certificate", "description": "Electronic certificates (电子证照): card pack, seals, consent, third-party verification, usage log — as holder, integrator and anonymous verifier.", "item": [
    gql("certificateTypes", "{ certificateTypes { code name holderKind validityYears issuingDepartment { shortName } fields { key label sensitive } } }", tests=OK + [
        "const types = body.data.certificateTypes;",
        "pm.test('30+ types', () => pm.expect(types.length).to.be.above(30));",
        "pm.test('居民身份证 issued by 公安', () => { const id = types.find(t => t.code === 'GA-001'); pm.expect(id.name).to.eql('居民身份证'); pm.expect(id.issuingDepartment.shortName).to.eql('公安'); pm.expect(id.fields.find(f => f.key === 'holderIdNumber').sensitive).to.be.true; });"]),
    gql("myCertificates (holder): the card pack", """{ myCertificates { id number status type { code name } issuer { shortName } validTo
  display { title holderName validity status fields { label value } }
  data { key label value sensitive } sealedPayload seal { keyId algorithm signature sealedAt } } }""", headers=bearer("resident"), tests=OK + [
        "const pack = body.data.myCertificates;",
        "const idCard = pack.find(c => c.type.code === 'GA-001');",
        "pm.test('identity card, marriage certificate, driving licence …', () => pm.expect(pack.map(c => c.type.code)).to.include.members(['GA-001', 'MZ-001', 'GA-006', 'RS-001']));",
        "pm.test('valid, issued by 公安, sealed with SM3withSM2', () => { pm.expect(idCard.status).to.eql('VALID'); pm.expect(idCard.issuer.shortName).to.eql('公安'); pm.expect(idCard.seal.algorithm).to.eql('SM3withSM2'); });",
        "pm.test('card face masks the ID number', () => pm.expect(idCard.display.fields.find(f => f.label === '公民身份号码').value).to.eql('370202********1233'));",
        "pm.test('data carries the full value for the holder', () => pm.expect(idCard.data.find(d => d.key === 'holderIdNumber').value).to.eql('370202199003151233'));",
        "pm.environment.set('certificateId', idCard.id);",
        "// stored JSON-escaped: Postman pastes variables into the variables JSON as text",
        "pm.environment.set('sealedPayload', JSON.stringify(idCard.sealedPayload).slice(1, -1));",
        "pm.environment.set('sealKeyId', idCard.seal.keyId);",
        "pm.environment.set('sealSignature', idCard.seal.signature);"]),
    gql("certificate (holder)", "query($id: ID!) { certificate(id: $id) { number holderName holderIdentifier status } }", {"id": "{{certificateId}}"},
        headers=bearer("resident"), tests=OK + [
        "pm.test('my identity card', () => { pm.expect(body.data.certificate.holderName).to.eql('张伟'); pm.expect(body.data.certificate.holderIdentifier).to.eql('370202199003151233'); });"]),
    gql("certificate: another holder cannot read it", "query($id: ID!) { certificate(id: $id) { number } }", {"id": "{{certificateId}}"},
        headers=bearer("enterprise"), tests=err("CERTIFICATE_NOT_FOUND", "id", "NOT_FOUND")),
    gql("myCertificates (enterprise agent): the enterprise's licences", "{ myCertificates { holderName type { code } } }", headers=bearer("enterprise"), tests=OK + [
        "pm.test('营业执照 of 青岛海蓝', () => { pm.expect(body.data.myCertificates.map(c => c.type.code)).to.include('SJ-001'); body.data.myCertificates.forEach(c => pm.expect(c.holderName).to.eql('青岛海蓝数字科技有限公司')); });"]),
    gql("myCertificates: staff have no card pack", "{ myCertificates { id } }", headers=bearer("staff"), tests=err("FORBIDDEN", classification="FORBIDDEN")),
    gql("sealKeys (anyone)", "{ sealKeys { keyId owner algorithm curve publicKey createdAt } }", tests=OK + [
        "pm.test('the identity card key is published', () => { const key = body.data.sealKeys.find(k => k.keyId === pm.environment.get('sealKeyId')); pm.expect(key.owner).to.eql('GA'); pm.expect(key.curve).to.eql('sm2p256v1'); });"]),
    http("Seal keys document (JWKS-like)", "GET", "/.well-known/seal-keys.json", [
        "pm.test('HTTP 200', () => pm.response.to.have.status(200));",
        "pm.test('SM2 keys with x and y', () => { const key = pm.response.json().keys.find(k => k.kid === pm.environment.get('sealKeyId')); pm.expect(key.crv).to.eql('SM2'); pm.expect(key.x).to.be.a('string'); });",
        "pm.test('cacheable', () => pm.expect(pm.response.headers.get('Cache-Control')).to.include('max-age'));"]),
    gql("checkSeal (anyone): genuine", "query($p: String!, $k: String!, $s: String!) { checkSeal(payload: $p, keyId: $k, signature: $s) { outcome certificateNumber signatureValid } }",
        {"p": "{{sealedPayload}}", "k": "{{sealKeyId}}", "s": "{{sealSignature}}"}, tests=OK + [
        "pm.test('GENUINE', () => { pm.expect(body.data.checkSeal.outcome).to.eql('GENUINE'); pm.expect(body.data.checkSeal.signatureValid).to.be.true; });"]),
    gql("checkSeal: one changed character is TAMPERED", "query($p: String!, $k: String!, $s: String!) { checkSeal(payload: $p, keyId: $k, signature: $s) { outcome signatureValid } }",
        {"p": "{{tamperedPayload}}", "k": "{{sealKeyId}}", "s": "{{sealSignature}}"},
        prerequest=["pm.environment.set('tamperedPayload', pm.environment.get('sealedPayload').replace('张伟', '张韦'));"], tests=OK + [
        "pm.test('TAMPERED', () => pm.expect(body.data.checkSeal.outcome).to.eql('TAMPERED'));"]),
    gql("checkSeal: unknown key", "query($p: String!, $s: String!) { checkSeal(payload: $p, keyId: \"SEAL-XX-20000101-0000\", signature: $s) { outcome } }",
        {"p": "{{sealedPayload}}", "s": "{{sealSignature}}"}, tests=OK + [
        "pm.test('UNKNOWN_KEY', () => pm.expect(body.data.checkSeal.outcome).to.eql('UNKNOWN_KEY'));"]),
    gql("certificatePurposes", "{ certificatePurposes(integrator: \"icbc-qingdao\") { code name integratorName certificateTypes { code } fields } }",
        headers=bearer("resident"), tests=OK + [
        "pm.test('开户实名核验 by 工商银行', () => { const p = body.data.certificatePurposes.find(p => p.code === 'ICBC-ACCOUNT-OPENING'); pm.expect(p.integratorName).to.eql('中国工商银行青岛分行'); pm.expect(p.fields).to.not.include('address'); });"]),
    gql("registerCertificatePurpose (integrator)", """mutation($input: RegisterCertificatePurposeInput!) { registerCertificatePurpose(input: $input) { purpose { code integrator certificateTypes { code } fields } } }""",
        {"input": {"code": "{{newPurposeCode}}", "name": "信用卡申请", "description": "信用卡申请时核验学历", "certificateTypes": ["JY-001"], "fields": ["holderName", "school", "level"]}},
        prerequest=["pm.environment.set('newPurposeCode', 'ICBC-CARD-' + Math.floor(Math.random() * 1e8));"],
        headers=bearer("integrator"), tests=OK + [
        "pm.test('registered for the bank', () => pm.expect(body.data.registerCertificatePurpose.purpose.integrator).to.eql('icbc-qingdao'));"]),
    gql("registerCertificatePurpose: a field the type does not carry", """mutation { registerCertificatePurpose(input: {code: "ICBC-BAD-FIELD", name: "错误用途", certificateTypes: ["JY-001"], fields: ["spouseName"]}) { purpose { code } } }""",
        headers=bearer("integrator"), tests=err("INVALID_ARGUMENT", "input.fields")),
    gql("verifyCertificate without consent: CONSENT_REQUIRED, nothing disclosed", VERIFY_DOC,
        {"input": {"holderIdNumber": "370202199003151233", "certificateType": "GA-001", "purpose": "ICBC-ACCOUNT-OPENING"}},
        headers=bearer("integrator"), tests=err("CONSENT_REQUIRED", classification="FORBIDDEN") + [
        "pm.test('no data', () => pm.expect(body.data).to.be.null);"]),
    gql("grantConsent (holder): 工商银行 开户实名核验 for 30 days", """mutation($input: GrantConsentInput!) { grantConsent(input: $input) { consent { id active integratorName purpose { name } certificateTypes { code } expiresAt } } }""",
        {"input": {"purpose": "ICBC-ACCOUNT-OPENING", "days": 30}}, headers=bearer("resident"), tests=OK + [
        "const consent = body.data.grantConsent.consent;",
        "pm.test('active, for the identity card', () => { pm.expect(consent.active).to.be.true; pm.expect(consent.certificateTypes.map(t => t.code)).to.eql(['GA-001']); });",
        "pm.test('expires in 30 days', () => pm.expect(Date.parse(consent.expiresAt) - Date.now()).to.be.within(29.9 * 864e5, 30.1 * 864e5));",
        "pm.environment.set('consentId', consent.id);"]),
    gql("grantConsent: more than 90 days is refused", "mutation { grantConsent(input: {purpose: \"ICBC-ACCOUNT-OPENING\", days: 120}) { consent { id } } }",
        headers=bearer("resident"), tests=err("INVALID_ARGUMENT", "input.days")),
    gql("verifyCertificate (integrator) under consent: only the purpose's fields", VERIFY_DOC,
        {"input": {"holderIdNumber": "370202199003151233", "certificateType": "GA-001", "purpose": "ICBC-ACCOUNT-OPENING"}},
        headers=bearer("integrator"), tests=OK + [
        "const v = body.data.verifyCertificate;",
        "pm.test('genuine and valid', () => { pm.expect(v.genuine).to.be.true; pm.expect(v.valid).to.be.true; pm.expect(v.status).to.eql('VALID'); });",
        "pm.test('only the purpose\\'s fields (no address)', () => pm.expect(v.fields.map(f => f.key)).to.eql(['holderName', 'holderIdNumber', 'gender', 'birthDate']));"]),
    gql("verifyCertificate: a terminal may not", VERIFY_DOC,
        {"input": {"holderIdNumber": "370202199003151233", "certificateType": "GA-001", "purpose": "ICBC-ACCOUNT-OPENING"}},
        headers=bearer("terminal"), tests=err("FORBIDDEN", classification="FORBIDDEN")),
    gql("myConsents (holder)", "{ myConsents { id active integrator purpose { code } } }", headers=bearer("resident"), tests=OK + [
        "pm.test('lists the new consent as active', () => pm.expect(body.data.myConsents.find(c => c.id === pm.environment.get('consentId')).active).to.be.true);"]),
    gql("revokeConsent (holder)", "mutation($id: ID!) { revokeConsent(input: {id: $id}) { consent { active revokedAt } } }", {"id": "{{consentId}}"},
        headers=bearer("resident"), tests=OK + [
        "pm.test('revoked', () => { pm.expect(body.data.revokeConsent.consent.active).to.be.false; pm.expect(body.data.revokeConsent.consent.revokedAt).to.be.a('string'); });"]),
    gql("verifyCertificate after revocation: refused at once", VERIFY_DOC,
        {"input": {"holderIdNumber": "370202199003151233", "certificateType": "GA-001", "purpose": "ICBC-ACCOUNT-OPENING"}},
        headers=bearer("integrator"), tests=err("CONSENT_REQUIRED", classification="FORBIDDEN")),
    gql("myCertificateUsage (holder): every access, newest first", "{ myCertificateUsage(first: 10) { totalCount nodes { sequence accessorName purposeName result reason certificateType { code } hash previousHash } } }",
        headers=bearer("resident"), tests=OK + [
        "const log = body.data.myCertificateUsage.nodes;",
        "pm.test('refused, allowed, refused — newest first', () => pm.expect(log.slice(0, 3).map(e => e.result)).to.eql(['DENIED', 'ALLOWED', 'DENIED']));",
        "pm.test('names the bank and purpose', () => { pm.expect(log[1].accessorName).to.eql('中国工商银行青岛分行'); pm.expect(log[1].purposeName).to.eql('开户实名核验'); });",
        "pm.test('chained', () => pm.expect(log[0].previousHash).to.eql(log[1].hash));"]),
    gql("verifyMyCertificateUsage (holder): the chain is intact", "{ verifyMyCertificateUsage { intact entries brokenAtSequence headHash } }",
        headers=bearer("resident"), tests=OK + [
        "pm.test('intact', () => { pm.expect(body.data.verifyMyCertificateUsage.intact).to.be.true; pm.expect(body.data.verifyMyCertificateUsage.entries).to.be.at.least(3); });"]),
    gql("revokeCertificate: staff may not", "mutation { revokeCertificate(input: {id: \"crt_x\", reason: \"测试\"}) { status } }", headers=bearer("staff"),
        tests=err("FORBIDDEN", classification="FORBIDDEN")),
    gql("revokeCertificate (admin): unknown id", "mutation { revokeCertificate(input: {id: \"crt_unknown\", reason: \"测试注销\"}) { status } }", headers=bearer("admin"),
        tests=err("CERTIFICATE_NOT_FOUND", "input.id", "NOT_FOUND")),
]}

SCAN_DOC = """mutation($input: ScanCodeInput!) { scanCode(input: $input) { scenario { code name } issuerId issuer { issuerId name local } holderKind disclosed name maskedName maskedIdNumber fare certificates { number type { code } } medicalInsurance libraryCard residentOfDistrict } }"""

code = {"name": "code", "description": "Resident and enterprise codes (居民码/企业码): issue, scan by terminals per scenario, refusals, revocation, scan history.", "item": [
    token("Bus terminal: client credentials", "terminal-bus-k1-0001", "{{terminalSecret}}", [("grant_type", "client_credentials")], saves_token("busTerminalToken")),
    gql("codeScenarios (anyone)", "{ codeScenarios { code name disclose replay holderKinds } }", tests=OK + [
        "const bus = body.data.codeScenarios.find(s => s.code === 'BUS');",
        "pm.test('bus learns only the fare category, single use', () => { pm.expect(bus.disclose).to.eql(['FARE_CATEGORY']); pm.expect(bus.replay).to.eql('SINGLE_USE'); });"]),
    gql("codeIssuers (anyone): the trust list", "{ codeIssuers { issuerId name local keys { keyId publicKey } } }", tests=OK + [
        "pm.test('青岛码 and 鲁通码', () => pm.expect(body.data.codeIssuers.map(i => i.issuerId)).to.include.members(['QDM', 'LTM']));"]),
    gql("issueResidentCode (resident)", "mutation { issueResidentCode { __typename code expiresAt issuer keyId byteSize qrImage } }", headers=bearer("resident"), tests=OK + [
        "pm.test('its own payload type', () => pm.expect(body.data.issueResidentCode.__typename).to.eql('IssueResidentCodePayload'));",
        "const c = body.data.issueResidentCode;",
        "pm.test('compact signed code', () => { pm.expect(c.code).to.match(/^TB1\\.[A-Za-z0-9_-]{131}$/); pm.expect(c.byteSize).to.eql(98); pm.expect(c.issuer).to.eql('QDM'); });",
        "pm.test('valid at most 60 s', () => pm.expect(Date.parse(c.expiresAt) - Date.now()).to.be.within(0, 61000));",
        "pm.test('QR image', () => pm.expect(c.qrImage).to.match(/^data:image\\/png;base64,/));",
        "pm.environment.set('residentCode', c.code);"]),
    gql("scanCode at the counter (亮码办事): name, masked ID, the item's certificates", SCAN_DOC,
        {"input": {"code": "{{residentCode}}", "serviceItemCode": "370200QR0040004000"}}, headers=bearer("terminal"), tests=OK + [
        "const r = body.data.scanCode;",
        "pm.test('counter facts', () => { pm.expect(r.name).to.eql('张伟'); pm.expect(r.maskedIdNumber).to.eql('370202********1233'); });",
        "pm.test('certificates for 收养登记', () => pm.expect(r.certificates.map(c => c.type.code)).to.include.members(['GA-001', 'MZ-001']));",
        "pm.test('nothing else', () => { pm.expect(r.fare).to.be.null; pm.expect(r.medicalInsurance).to.be.null; });"]),
    gql("scanCode on the bus: only the fare category", SCAN_DOC, {"input": {"code": "{{residentCode}}"}}, headers=bearer("busTerminal"), tests=OK + [
        "const r = body.data.scanCode;",
        "pm.test('fare category only', () => { pm.expect(r.fare).to.eql('ADULT'); pm.expect(r.disclosed).to.eql(['FARE_CATEGORY']); pm.expect(r.name).to.be.null; pm.expect(r.maskedIdNumber).to.be.null; });"]),
    gql("scanCode on the bus again: CODE_REPLAYED", SCAN_DOC, {"input": {"code": "{{residentCode}}"}}, headers=bearer("busTerminal"),
        tests=err("CODE_REPLAYED", "input.code")),
    gql("scanCode: one changed character is BAD_SIGNATURE", SCAN_DOC, {"input": {"code": "{{tamperedCode}}"}}, headers=bearer("terminal"),
        prerequest=["const c = pm.environment.get('residentCode');", "const i = 70; pm.environment.set('tamperedCode', c.slice(0, i) + (c[i] === 'A' ? 'B' : 'A') + c.slice(i + 1));"],
        tests=err("BAD_SIGNATURE", "input.code")),
    gql("scanCode: not a code", SCAN_DOC, {"input": {"code": "hello"}}, headers=bearer("terminal"), tests=err("CODE_MALFORMED", "input.code")),
    http("Provincial app (simulated): a 鲁通码 code", "GET", "/dev/provincial-code", [
        "pm.test('HTTP 200', () => pm.response.to.have.status(200));",
        "pm.test('issuer LTM', () => pm.expect(pm.response.json().issuer).to.eql('LTM'));",
        "pm.environment.set('provincialCode', pm.response.json().code);"], query=[("mobile", "13800000003")]),
    gql("scanCode: the provincial code is accepted (一码通城)", SCAN_DOC, {"input": {"code": "{{provincialCode}}", "serviceItemCode": "370200QR0040004000"}},
        headers=bearer("terminal"), tests=OK + [
        "pm.test('LTM code, 王芳', () => { pm.expect(body.data.scanCode.issuerId).to.eql('LTM'); pm.expect(body.data.scanCode.name).to.eql('王芳'); });",
        "pm.test('the issuer from the trust list', () => { pm.expect(body.data.scanCode.issuer.issuerId).to.eql('LTM'); pm.expect(body.data.scanCode.issuer.local).to.be.false; });"]),
    gql("issueEnterpriseCode (enterprise agent)", "mutation { issueEnterpriseCode { code issuer } }", headers=bearer("enterprise"), tests=OK + [
        "pm.environment.set('enterpriseCode', body.data.issueEnterpriseCode.code);"]),
    gql("scanCode: an enterprise code on the bus is SCENARIO_NOT_ALLOWED", SCAN_DOC, {"input": {"code": "{{enterpriseCode}}"}}, headers=bearer("busTerminal"),
        tests=err("SCENARIO_NOT_ALLOWED", "input.code", "FORBIDDEN")),
    gql("scanCodes (bus reader uploads a batch): each scan reported", """mutation($scans: [ScanCodeInput!]!) { scanCodes(input: {scans: $scans}) { accepted refused results { index code message result { fare } } } }""",
        {"scans": [{"code": "{{batchCode}}"}, {"code": "{{batchCode}}"}, {"code": "junk"}]}, headers=bearer("busTerminal"),
        prerequest=["pm.sendRequest({url: pm.environment.get('baseUrl') + '/dev/provincial-code?mobile=13800000005', method: 'GET'}, (e, r) => pm.environment.set('batchCode', r.json().code));"],
        tests=OK + [
        "const b = body.data.scanCodes;",
        "pm.test('one accepted, the replay and the junk refused', () => { pm.expect(b.accepted).to.eql(1); pm.expect(b.results.map(r => r.code)).to.eql([null, 'CODE_REPLAYED', 'CODE_MALFORMED']); });"]),
    gql("scanCode: residents may not scan", SCAN_DOC, {"input": {"code": "{{residentCode}}"}}, headers=bearer("resident"),
        tests=err("FORBIDDEN", classification="FORBIDDEN")),
    gql("revokeMyCodes (resident): lost phone", "mutation { revokeMyCodes { revokedCount } }", headers=bearer("resident"), tests=OK + [
        "pm.test('the current code revoked', () => pm.expect(body.data.revokeMyCodes.revokedCount).to.eql(1));"]),
    gql("scanCode: a revoked code is CODE_REVOKED", SCAN_DOC, {"input": {"code": "{{residentCode}}", "serviceItemCode": "370200QR0040004000"}},
        headers=bearer("terminal"), tests=err("CODE_REVOKED", "input.code")),
    gql("myScans (resident): where and when, refusals included", "{ myScans(first: 10) { totalCount nodes { at terminalName scenario { name } issuer { issuerId } accepted code } } }",
        headers=bearer("resident"), tests=OK + [
        "const scans = body.data.myScans.nodes;",
        "pm.test('newest first: revoked, …, accepted at the counter', () => { pm.expect(scans[0].accepted).to.be.false; pm.expect(scans[0].code).to.eql('CODE_REVOKED'); pm.expect(scans.some(s => s.accepted && s.code === null)).to.be.true; pm.expect(scans.map(s => s.code)).to.include('CODE_REPLAYED'); });",
        "pm.test('names the terminal', () => pm.expect(scans.map(s => s.terminalName)).to.include('公交刷码机 K1-0001'));"]),
]}

APP_FIELDS = "application { id status version tasks { id status department { code } } }"

def act(name, role, mutation, task, reason=None, tests=None):
    inp = {"applicationId": "{{applicationId}}", "taskId": task}
    if reason:
        inp["reason"] = reason
    return gql(name, "mutation($i: TaskActionInput!) { %s(input: $i) { %s } }" % (mutation, APP_FIELDS), {"i": inp},
               headers=bearer(role), tests=tests if tests is not None else OK)

def status_is(mutation, status):
    return OK + [f"pm.test('application {status}', () => pm.expect(body.data.{mutation}.application.status).to.eql('{status}'));"]

NEWBORN_VALUES = [{"key": "childName", "value": "张小宝"}, {"key": "childGender", "value": "男"},
                  {"key": "childBirthDate", "value": "2026-11-20"}, {"key": "birthPlace", "value": "青岛市妇女儿童医院"}]
SUBMIT_DOC = "mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { application { id status title tasks { id department { code } status } materials { name source } } } }"

journey = {"name": "bundle-journey", "description": "新生儿出生一件事 end to end: the bundle, one form pre-filled, one submission fanned out to four departments, supplement, completion, the birth certificate in the card pack, the review. Runs in order.", "item": [
    gql("bundles (anyone)", "{ bundles { code name lifeEvent { code } target } }", tests=OK + [
        "pm.test('16+ bundles incl. 新生儿出生一件事', () => { pm.expect(body.data.bundles.length).to.be.at.least(16); pm.expect(body.data.bundles.map(b => b.code)).to.include('NEWBORN'); });"]),
    gql("bundle NEWBORN (resident): merged materials, pre-filled form, sharing rates", """{ bundle(code: "NEWBORN") { name items { code department { shortName } }
  materials { name certificateType { code } neededBy provision certificateId certificate { id type { code } } }
  form { key label type required source prefill { value source asOf } neededBy }
  formFieldSharingRate { value target targetMet } materialSharingRate { value target targetMet } } }""", headers=bearer("resident"), tests=OK + [
        "const b = body.data.bundle;",
        "pm.test('four departments', () => pm.expect(b.items.map(i => i.department.shortName)).to.eql(['卫健', '公安', '人社', '医保']));",
        "pm.test('identity card once, covered by my certificate', () => { const id = b.materials.filter(m => m.certificateType && m.certificateType.code === 'GA-001'); pm.expect(id).to.have.lengthOf(1); pm.expect(id[0].provision).to.eql('CERTIFICATE'); pm.expect(id[0].neededBy.length).to.be.above(1); });",
        "pm.test('the certificate itself, not only its id', () => { const id = b.materials.find(m => m.certificateType && m.certificateType.code === 'GA-001'); pm.expect(id.certificate.id).to.eql(id.certificateId); pm.expect(id.certificate.type.code).to.eql('GA-001'); });",
        "pm.test('spouse pre-filled from the marriage certificate', () => { const f = b.form.find(f => f.key === 'spouseName'); pm.expect(f.prefill.value).to.eql('李娜'); pm.expect(f.prefill.source).to.include('电子证照'); });",
        "pm.test('sharing targets met', () => { pm.expect(b.formFieldSharingRate.targetMet).to.be.true; pm.expect(b.materialSharingRate.targetMet).to.be.true; });"]),
    gql("submitApplication: unknown field is refused", SUBMIT_DOC,
        {"i": {"bundle": "NEWBORN", "formValues": [{"key": "favouriteColour", "value": "蓝"}], "idempotencyKey": "postman-bad-form-1"}},
        headers=bearer("resident"), tests=err("INVALID_FORM", "input.formValues.favouriteColour")),
    gql("submitApplication: another person's ID number is FIELD_LOCKED", SUBMIT_DOC,
        {"i": {"bundle": "NEWBORN", "formValues": NEWBORN_VALUES + [{"key": "applicantIdNumber", "value": "11010519491231002X"}],
               "materialsAtCounter": ["近期免冠彩色照片"], "idempotencyKey": "postman-locked-1"}},
        headers=bearer("resident"), tests=err("FIELD_LOCKED", "input.formValues.applicantIdNumber")),
    gql("submitApplication: another applicant name is FIELD_LOCKED", SUBMIT_DOC,
        {"i": {"bundle": "NEWBORN", "formValues": NEWBORN_VALUES + [{"key": "applicantName", "value": "李四"}],
               "materialsAtCounter": ["近期免冠彩色照片"], "idempotencyKey": "postman-locked-2"}},
        headers=bearer("resident"), tests=err("FIELD_LOCKED", "input.formValues.applicantName")),
    gql("submitApplication: a NUL byte is INVALID_CHARACTERS", SUBMIT_DOC,
        {"i": {"bundle": "NEWBORN", "formValues": [{"key": "birthPlace", "value": "青岛\u0000顺通"}] + NEWBORN_VALUES[:3],
               "materialsAtCounter": ["近期免冠彩色照片"], "idempotencyKey": "postman-nul-1"}},
        headers=bearer("resident"), tests=err("INVALID_CHARACTERS", "input.formValues[0].value")),
    gql("submitApplication (resident): 新生儿出生一件事", SUBMIT_DOC,
        {"i": {"bundle": "NEWBORN", "formValues": NEWBORN_VALUES, "materialsAtCounter": ["近期免冠彩色照片"], "idempotencyKey": "{{newbornKey}}"}},
        prerequest=["pm.environment.set('newbornKey', 'postman-newborn-' + Date.now());"], headers=bearer("resident"), tests=OK + [
        "const a = body.data.submitApplication.application;",
        "pm.test('submitted to four departments', () => { pm.expect(a.status).to.eql('SUBMITTED'); pm.expect(a.tasks.map(t => t.department.code)).to.eql(['WJ', 'GA', 'RS', 'YB']); });",
        "pm.test('materials by certificate, shared, or at the counter', () => pm.expect(a.materials.map(m => m.source)).to.include.members(['CERTIFICATE', 'SHARED', 'COUNTER']));",
        "pm.environment.set('applicationId', a.id);"]),
    gql("node: my application refetched by its id (nullable lookup)",
        'query($id: ID!) { node(id: $id) { __typename id ... on Application { status tasks { id } } } }',
        {"id": "{{applicationId}}"}, headers=bearer("resident"), tests=OK + [
            "pm.test('the same application', () => { pm.expect(body.data.node.__typename).to.eql('Application'); pm.expect(body.data.node.id).to.eql(pm.environment.get('applicationId')); pm.expect(body.data.node.tasks).to.have.lengthOf(4); });"]),
    gql("node: someone else's application is null, the rest of the answer stays",
        'query($id: ID!) { node(id: $id) { id } departments { code } }',
        {"id": "{{applicationId}}"}, headers=bearer("enterprise"), tests=[
            "const body = pm.response.json();",
            "pm.test('HTTP 200', () => pm.response.to.have.status(200));",
            "pm.test('null with APPLICATION_NOT_FOUND at node', () => { pm.expect(body.data.node).to.be.null; pm.expect(body.errors[0].extensions.code).to.eql('APPLICATION_NOT_FOUND'); pm.expect(body.errors[0].path).to.eql(['node']); });",
            "pm.test('departments still answered', () => pm.expect(body.data.departments).to.have.lengthOf(24));"]),
    gql("nodes: in order, null with an error at each missing index",
        'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }',
        {"ids": ["NEWBORN", "{{applicationId}}", "370202QR0010006000", "no such thing"]}, headers=bearer("resident"), tests=[
            "const body = pm.response.json();",
            "pm.test('HTTP 200', () => pm.response.to.have.status(200));",
            "pm.test('bundle, application, item, null', () => { pm.expect(body.data.nodes.map(n => n && n.__typename)).to.eql(['Bundle', 'Application', 'ServiceItem', null]); });",
            "pm.test('NODE_NOT_FOUND at index 3', () => { pm.expect(body.errors).to.have.lengthOf(1); pm.expect(body.errors[0].extensions.code).to.eql('NODE_NOT_FOUND'); pm.expect(body.errors[0].path).to.eql(['nodes', 3]); });"]),
    gql("submitApplication again with the same key: the same application", SUBMIT_DOC,
        {"i": {"bundle": "NEWBORN", "formValues": NEWBORN_VALUES, "materialsAtCounter": ["近期免冠彩色照片"], "idempotencyKey": "{{newbornKey}}"}},
        headers=bearer("resident"), tests=OK + [
        "pm.test('same id', () => pm.expect(body.data.submitApplication.application.id).to.eql(pm.environment.get('applicationId')));"]),
    token("Staff 卫健: sign in", "{{consoleClientId}}", "{{consoleClientSecret}}", [("grant_type", ACCOUNT), ("username", "staff.wj"), ("password", "{{staffPassword}}")], saves_token("staffWjToken")),
    token("Staff 人社: sign in", "{{consoleClientId}}", "{{consoleClientSecret}}", [("grant_type", ACCOUNT), ("username", "staff.rs"), ("password", "{{staffPassword}}")], saves_token("staffRsToken")),
    token("Staff 医保: sign in", "{{consoleClientId}}", "{{consoleClientSecret}}", [("grant_type", ACCOUNT), ("username", "staff.yb"), ("password", "{{staffPassword}}")], saves_token("staffYbToken")),
    gql("taskQueue (卫健): the new task is waiting", "{ taskQueue(first: 100) { totalCount edges { cursor node { taskId } } nodes { taskId itemName application { id applicant { name masked } } } } }",
        headers=bearer("staffWj"), tests=OK + [
        "const mine = body.data.taskQueue.nodes.find(n => n.application.id === pm.environment.get('applicationId'));",
        "pm.test('queued', () => pm.expect(mine.taskId).to.eql('t1'));",
        "pm.test('a connection: an edge with a cursor per task', () => { const q = body.data.taskQueue; pm.expect(q.edges.map(e => e.node.taskId)).to.eql(q.nodes.map(n => n.taskId)); pm.expect(q.edges.every(e => e.cursor.length > 0)).to.be.true; });",
        "pm.test('applicant masked for staff', () => { pm.expect(mine.application.applicant.name).to.eql('张*'); pm.expect(mine.application.applicant.masked).to.be.true; });"]),
    act("approveTask before accepting: ILLEGAL_TRANSITION", "staffWj", "approveTask", "t1", tests=err("ILLEGAL_TRANSITION", "input.taskId")),
    act("acceptTask of another department: NOT_YOUR_DEPARTMENT", "staff", "acceptTask", "t1", tests=err("NOT_YOUR_DEPARTMENT", classification="FORBIDDEN")),
    act("卫健 accepts", "staffWj", "acceptTask", "t1", tests=status_is("acceptTask", "IN_PROGRESS")),
    act("卫健 approves", "staffWj", "approveTask", "t1", tests=status_is("approveTask", "IN_PROGRESS")),
    act("公安 asks for a supplement", "staff", "requestSupplement", "t2", reason="请核对新生儿出生地点", tests=status_is("requestSupplement", "SUPPLEMENT_REQUIRED")),
    gql("supplementApplication (resident)", "mutation($i: SupplementApplicationInput!) { supplementApplication(input: $i) { " + APP_FIELDS + " } }",
        {"i": {"applicationId": "{{applicationId}}", "formValues": [{"key": "birthPlace", "value": "青岛市妇女儿童医院（市南院区）"}], "note": "已更正出生地点"}},
        headers=bearer("resident"), tests=status_is("supplementApplication", "IN_PROGRESS")),
    act("公安 approves", "staff", "approveTask", "t2", tests=status_is("approveTask", "IN_PROGRESS")),
    act("人社 accepts", "staffRs", "acceptTask", "t3"),
    act("人社 approves", "staffRs", "approveTask", "t3", tests=status_is("approveTask", "IN_PROGRESS")),
    act("医保 accepts", "staffYb", "acceptTask", "t4"),
    act("医保 approves: the application completes", "staffYb", "approveTask", "t4", tests=status_is("approveTask", "COMPLETED")),
    gql("application (resident): progress timeline and issued certificates", """query($id: ID!) { application(id: $id) { status title
  tasks { id status department { shortName } } timeline { at kind department { shortName } detail }
  issuedCertificates { number type { code name } holderName status } formValues { key value } } }""", {"id": "{{applicationId}}"},
        headers=bearer("resident"), tests=OK + [
        "const a = body.data.application;",
        "pm.test('completed', () => pm.expect(a.status).to.eql('COMPLETED'));",
        "pm.test('出生医学证明 issued for 张小宝', () => { const c = a.issuedCertificates.find(c => c.type.code === 'WJ-001'); pm.expect(c.holderName).to.eql('张小宝'); pm.expect(c.status).to.eql('VALID'); });",
        "pm.test('timeline tells the story', () => pm.expect(a.timeline.map(e => e.kind)).to.include.members(['SUBMITTED', 'SUPPLEMENT_REQUESTED', 'SUPPLEMENTED', 'COMPLETED', 'CERTIFICATE_ISSUED']));",
        "pm.test('supplemented value kept', () => pm.expect(a.formValues.find(v => v.key === 'birthPlace').value).to.include('市南院区'));"]),
    gql("application: another person cannot read it", "query($id: ID!) { application(id: $id) { id } }", {"id": "{{applicationId}}"},
        headers=bearer("enterprise"), tests=err("APPLICATION_NOT_FOUND", "id", "NOT_FOUND")),
    gql("myCertificates: the child's certificates are in my card pack, each naming the child", "{ myCertificates { type { code } holderName data { key value } seal { algorithm } } }",
        headers=bearer("resident"), tests=OK + [
        "pm.test('WJ-001 for 张小宝, sealed', () => { const c = body.data.myCertificates.find(c => c.type.code === 'WJ-001' && c.holderName === '张小宝'); pm.expect(c.seal.algorithm).to.eql('SM3withSM2'); });",
        "const card = body.data.myCertificates.find(c => c.type.code === 'RS-001' && c.holderName === '张小宝');",
        "const cardId = card.data.find(d => d.key === 'holderIdNumber').value;",
        "pm.test('the 社保卡 of the child names it by its own 公民身份号码, never by the father ID number', () => { pm.expect(cardId).to.match(/^37020220261120\\d{3}[0-9X]$/); pm.expect(cardId).not.to.eql('370202199003151233'); });",
        "pm.test('the own 社保卡 of the father still names him', () => { const own = body.data.myCertificates.find(c => c.type.code === 'RS-001' && c.holderName === '张伟'); pm.expect(own.data.find(d => d.key === 'holderIdNumber').value).to.eql('370202199003151233'); });"]),
    gql("reviewApplication (resident): 5 stars", "mutation($i: ReviewApplicationInput!) { reviewApplication(input: $i) { application { review { stars tags comment } } } }",
        {"i": {"applicationId": "{{applicationId}}", "stars": 5, "tags": ["办事快", "不用跑"], "comment": "四个部门一次办完"}},
        headers=bearer("resident"), tests=OK + [
        "pm.test('reviewed', () => pm.expect(body.data.reviewApplication.application.review.stars).to.eql(5));"]),
    gql("reviewApplication again: ALREADY_REVIEWED", "mutation($i: ReviewApplicationInput!) { reviewApplication(input: $i) { application { id } } }",
        {"i": {"applicationId": "{{applicationId}}", "stars": 1}}, headers=bearer("resident"), tests=err("ALREADY_REVIEWED", "input.applicationId")),
    gql("departmentReviewSummaries (admin)", "{ departmentReviewSummaries { department { shortName } reviewCount averageStars tags { tag count } } }",
        headers=bearer("admin"), tests=OK + [
        "pm.test('卫健 has reviews', () => pm.expect(body.data.departmentReviewSummaries.find(d => d.department.shortName === '卫健').reviewCount).to.be.at.least(1));"]),
    gql("submitApplication (resident): 失业保障一件事, to be rejected", SUBMIT_DOC,
        {"i": {"bundle": "UNEMPLOYMENT", "formValues": [{"key": "employerName", "value": "青岛顺通物流有限公司"}, {"key": "bankAccount", "value": "6222020200000000001"}],
               "materialsAtCounter": ["{{unemploymentMaterial}}"], "idempotencyKey": "{{unemploymentKey}}"}},
        prerequest=["pm.environment.set('unemploymentKey', 'postman-unemployment-' + Date.now());", "pm.environment.set('unemploymentMaterial', '本人银行账户信息');"],
        headers=bearer("resident"), tests=OK + ["pm.environment.set('applicationId', body.data.submitApplication.application.id);"]),
    act("rejectTask (人社) with a reason: the application is rejected", "staffRs", "rejectTask", "t1", reason="未查询到失业登记前的参保记录",
        tests=status_is("rejectTask", "REJECTED")),
    act("acceptTask after rejection: ILLEGAL_TRANSITION", "staffRs", "acceptTask", "t2", tests=err("ILLEGAL_TRANSITION", "input.taskId")),
    gql("applicationUpdates as plain JSON: SUBSCRIPTION_TRANSPORT (use graphql-ws or SSE)", "subscription { applicationUpdates { applicationId status kind } }",
        headers=bearer("resident"), tests=err("SUBSCRIPTION_TRANSPORT") + ["pm.test('nothing streamed as data', () => pm.expect(body.data).to.be.null);"]),
    {"name": "applicationUpdates over SSE without a token: UNAUTHORIZED", "request": {
        "method": "POST",
        "header": [{"key": "Content-Type", "value": "application/json"}, {"key": "Accept", "value": "text/event-stream"}],
        "body": {"mode": "raw", "raw": json.dumps({"query": "subscription { applicationUpdates { applicationId status } }"})},
        "url": {"raw": "{{baseUrl}}/graphql", "host": ["{{baseUrl}}"], "path": ["graphql"]}},
     "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": [
        "pm.test('an event stream', () => pm.expect(pm.response.headers.get('Content-Type')).to.include('text/event-stream'));",
        "pm.test('refused with UNAUTHORIZED, then complete', () => { pm.expect(pm.response.text()).to.include('UNAUTHORIZED'); pm.expect(pm.response.text()).to.include('event:complete'); });"]}}]},
    gql("myApplications (resident)", "{ myApplications(first: 10) { totalCount nodes { id title status bundle { code } } } }", headers=bearer("resident"), tests=OK + [
        "pm.test('lists the journey', () => pm.expect(body.data.myApplications.nodes.map(a => a.id)).to.include(pm.environment.get('applicationId')));"]),
    gql("catalogStatistics: bundle sharing rates", "{ catalogStatistics { bundleFormFieldSharingRate { value target targetMet } bundleMaterialSharingRate { value target targetMet } } }", tests=OK + [
        "pm.test('≥ 60 % and ≥ 70 %', () => { pm.expect(body.data.catalogStatistics.bundleFormFieldSharingRate.targetMet).to.be.true; pm.expect(body.data.catalogStatistics.bundleMaterialSharingRate.targetMet).to.be.true; });"]),
]}

ME = """{ me { id roles clientId clientName scopes scenario { code name } staffName department { code }
  person { name idNumber mobile sex masked } enterprise { name creditCode legalRepresentative { name masked } } } }"""

def outbox(name, mobile, variable):
    return http(name, "GET", "/dev/sms-outbox", [
        "pm.test('HTTP 200', () => pm.response.to.have.status(200));",
        "const messages = pm.response.json();",
        "pm.test('a six-digit code arrived', () => pm.expect(messages[0].code).to.match(/^\\d{6}$/));",
        f"pm.environment.set('{variable}', messages[0].code);"], query=[("mobile", mobile)])

def request_code(name, mobile):
    return gql(name, "mutation($input: RequestLoginCodeInput!) { requestLoginCode(input: $input) { maskedMobile expiresInSeconds resendAfterSeconds grantType } }",
        {"input": {"mobile": mobile}}, tests=OK + [
        "const sent = body.data.requestLoginCode;",
        f"pm.test('sent to the masked number', () => pm.expect(sent.maskedMobile).to.eql('{mobile[:3]}****{mobile[7:]}'));",
        "pm.test('valid 5 minutes, resend after 60 s', () => { pm.expect(sent.expiresInSeconds).to.eql(300); pm.expect(sent.resendAfterSeconds).to.eql(60); });",
        f"pm.test('names the grant type', () => pm.expect(sent.grantType).to.eql('{SMS}'));"])

identity = {"name": "identity", "description": "Sign-in for every kind of caller (tokens are saved to the environment and used by later requests), me, and the refusals.", "item": [
    request_code("Resident: request an SMS code", "13800000001"),
    outbox("Resident: read the code from the dev outbox", "13800000001", "residentCode"),
    token("Resident: exchange the code for a token", "{{appClientId}}", "{{appClientSecret}}",
          [("grant_type", SMS), ("mobile", "13800000001"), ("code", "{{residentCode}}")], saves_token("residentToken")),
    token("Resident: the same code twice is refused", "{{appClientId}}", "{{appClientSecret}}",
          [("grant_type", SMS), ("mobile", "13800000001"), ("code", "{{residentCode}}")], [
        "pm.test('HTTP 400', () => pm.response.to.have.status(400));",
        "pm.test('invalid_grant', () => pm.expect(pm.response.json().error).to.eql('invalid_grant'));"]),
    gql("Resident: a second code within a minute is refused", "mutation { requestLoginCode(input: {mobile: \"13800000001\"}) { maskedMobile } }",
        tests=err("LOGIN_CODE_RATE_LIMITED", "input.mobile")),
    request_code("Enterprise agent: request an SMS code", "13800000004"),
    outbox("Enterprise agent: read the code", "13800000004", "agentCode"),
    token("Enterprise agent: token acting for 青岛海蓝", "{{appClientId}}", "{{appClientSecret}}",
          [("grant_type", SMS), ("mobile", "13800000004"), ("code", "{{agentCode}}"), ("credit_code", "91370212MA3C4K7L8D")],
          saves_token("enterpriseToken")),
    token("Staff: account sign-in (公安)", "{{consoleClientId}}", "{{consoleClientSecret}}",
          [("grant_type", ACCOUNT), ("username", "staff.ga"), ("password", "{{staffPassword}}")], saves_token("staffToken")),
    token("Admin: account sign-in", "{{consoleClientId}}", "{{consoleClientSecret}}",
          [("grant_type", ACCOUNT), ("username", "admin"), ("password", "{{staffPassword}}")], saves_token("adminToken")),
    token("Staff: wrong password is refused", "{{consoleClientId}}", "{{consoleClientSecret}}",
          [("grant_type", ACCOUNT), ("username", "staff.rs"), ("password", "wrong")], [
        "pm.test('HTTP 400', () => pm.response.to.have.status(400));",
        "pm.test('invalid_grant', () => pm.expect(pm.response.json().error).to.eql('invalid_grant'));"]),
    token("Integrator: client credentials (工商银行)", "icbc-qingdao", "{{integratorSecret}}",
          [("grant_type", "client_credentials")], saves_token("integratorToken")),
    token("Integrator: wrong secret is refused", "icbc-qingdao", "wrong-secret", [("grant_type", "client_credentials")], [
        "pm.test('HTTP 401', () => pm.response.to.have.status(401));",
        "pm.test('invalid_client', () => pm.expect(pm.response.json().error).to.eql('invalid_client'));"]),
    token("Terminal: client credentials (counter)", "terminal-counter-xz-01", "{{terminalSecret}}",
          [("grant_type", "client_credentials")], saves_token("terminalToken")),
    gql("me: resident sees their own data unmasked", ME, headers=bearer("resident"), tests=OK + [
        "const me = body.data.me;",
        "pm.test('RESIDENT of the app', () => { pm.expect(me.roles).to.eql(['RESIDENT']); pm.expect(me.clientName).to.eql('通办 App'); });",
        "pm.test('unmasked', () => { pm.expect(me.person.name).to.eql('张伟'); pm.expect(me.person.idNumber).to.eql('370202199003151233'); pm.expect(me.person.masked).to.be.false; });",
        "pm.test('sex as the enum', () => pm.expect(me.person.sex).to.eql('MALE'));",
        "pm.test('budget visible', () => pm.expect(Number(pm.response.headers.get('X-RateLimit-Remaining'))).to.be.below(Number(pm.response.headers.get('X-RateLimit-Limit'))));"]),
    gql("me: enterprise agent", ME, headers=bearer("enterprise"), tests=OK + [
        "const me = body.data.me;",
        "pm.test('ENTERPRISE for 青岛海蓝', () => { pm.expect(me.roles).to.eql(['ENTERPRISE']); pm.expect(me.enterprise.creditCode).to.eql('91370212MA3C4K7L8D'); });",
        "pm.test('is the legal representative', () => { pm.expect(me.enterprise.legalRepresentative.name).to.eql('刘洋'); pm.expect(me.enterprise.legalRepresentative.masked).to.be.false; });"]),
    gql("me: staff", ME, headers=bearer("staff"), tests=OK + [
        "const me = body.data.me;",
        "pm.test('STAFF of 公安', () => { pm.expect(me.roles).to.eql(['STAFF']); pm.expect(me.department.code).to.eql('GA'); pm.expect(me.person).to.be.null; });"]),
    gql("me: integrator", ME, headers=bearer("integrator"), tests=OK + [
        "const me = body.data.me;",
        "pm.test('INTEGRATOR with its scope', () => { pm.expect(me.roles).to.eql(['INTEGRATOR']); pm.expect(me.clientName).to.eql('中国工商银行青岛分行'); pm.expect(me.scopes).to.eql(['certificate.verify']); });"]),
    gql("me: terminal", ME, headers=bearer("terminal"), tests=OK + [
        "const me = body.data.me;",
        "pm.test('TERMINAL bound to COUNTER', () => { pm.expect(me.roles).to.eql(['TERMINAL']); pm.expect(me.scenario.code).to.eql('COUNTER'); });"]),
    gql("me: anonymous is UNAUTHORIZED", "{ me { id } }", tests=err("UNAUTHORIZED", classification="UNAUTHORIZED")),
    http("A forged token is refused (401)", "POST", "/graphql", [
        "pm.test('HTTP 401', () => pm.response.to.have.status(401));",
        "pm.test('WWW-Authenticate', () => pm.expect(pm.response.headers.get('WWW-Authenticate')).to.include('invalid_token'));",
        "pm.test('code INVALID_TOKEN', () => pm.expect(pm.response.json().errors[0].extensions.code).to.eql('INVALID_TOKEN'));"],
        headers=[{"key": "Authorization", "value": "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.Zm9yZ2Vk"}]),
    gql("createServiceItem: a resident is FORBIDDEN", CREATE,
        {"input": dict(create_input["input"], basicCode="GG0040999000", name="居民不能创建的事项")}, headers=bearer("resident"),
        tests=err("FORBIDDEN", classification="FORBIDDEN")),
    gql("retireServiceItem: anonymous is UNAUTHORIZED", 'mutation { retireServiceItem(input: {code: "370200QR0020005000", reason: "x"}) { serviceItem { code } } }',
        tests=err("UNAUTHORIZED", classification="UNAUTHORIZED")),
    gql("auditEvents: FORBIDDEN for staff", "{ auditEvents { totalCount } }", headers=bearer("staff"),
        tests=err("FORBIDDEN", classification="FORBIDDEN")),
    gql("auditEvents (ADMIN): sign-ins and denials", """{ auditEvents(first: 100) { totalCount nodes { at type actor clientId target detail } } }""",
        headers=bearer("admin"), tests=OK + [
        "const types = body.data.auditEvents.nodes.map(e => e.type);",
        "pm.test('sign-ins, failures and denials recorded', () => pm.expect(types).to.include.members(['LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'CLIENT_TOKEN_ISSUED', 'CLIENT_AUTHENTICATION_FAILED', 'ACCESS_DENIED']));",
        "pm.test('newest first', () => { const at = body.data.auditEvents.nodes.map(e => Date.parse(e.at)); for (let i = 1; i < at.length; i++) pm.expect(at[i - 1]).to.be.at.least(at[i]); });"]),
]}

def refused_http(status, code):
    return [f"pm.test('HTTP {status}', () => pm.response.to.have.status({status}));",
            f"pm.test('GraphQL error shape with code {code}', () => pm.expect(pm.response.json().errors[0].extensions.code).to.eql('{code}'));"]

perimeter = {"name": "perimeter", "description": "What the door refuses, each in the GraphQL error shape with a code: big and malformed bodies, malformed, unknown, too deep, too aliased and too costly operations, wrong content types, long inputs echoed in part only, guessed client secrets throttled before any secret check, bad input to the dev simulator.", "item": [
    raw("A body over 256 KB is 413 REQUEST_TOO_LARGE", '{"query": "{ regions { code } }", "variables": {"pad": "{{bigPad}}"}}', "application/json",
        refused_http(413, "REQUEST_TOO_LARGE"), prerequest=["pm.variables.set('bigPad', 'x'.repeat(300 * 1024));"]),
    raw("A text/plain body is 415 UNSUPPORTED_MEDIA_TYPE", '{"query": "{ regions { code } }"}', "text/plain", refused_http(415, "UNSUPPORTED_MEDIA_TYPE")),
    raw("Truncated JSON is 400 INVALID_REQUEST", '{"query": "{ regions { code }', "application/json", refused_http(400, "INVALID_REQUEST")),
    raw("A batch array is 400 INVALID_REQUEST", '[{"query": "{ regions { code } }"}]', "application/json", refused_http(400, "INVALID_REQUEST")),
    raw("query as a number is 400 INVALID_REQUEST", '{"query": 42}', "application/json", refused_http(400, "INVALID_REQUEST")),
    raw("variables as an array is 400 INVALID_REQUEST", '{"query": "{ regions { code } }", "variables": [1]}', "application/json", refused_http(400, "INVALID_REQUEST")),
    gql("A 20,000-character input is quoted at most 64 characters", "query($c: String!) { serviceItem(code: $c) { name } }", {"c": "A" * 20000}, tests=[
        "const body = pm.response.json();",
        "pm.test('an error with a code', () => pm.expect(body.errors[0].extensions.code).to.be.a('string'));",
        "pm.test('no more than 64 characters of the input', () => pm.expect(body.errors[0].message).not.to.include('A'.repeat(65)));"]),
    token("Guessed client secrets: 429 before any secret is checked", "postman-guessed-client", "guess-11", [("grant_type", "client_credentials")], [
        "pm.test('HTTP 429', () => pm.response.to.have.status(429));",
        "pm.test('Retry-After', () => pm.expect(Number(pm.response.headers.get('Retry-After'))).to.be.above(0));",
        "pm.test('code RATE_LIMITED', () => pm.expect(pm.response.json().code).to.eql('RATE_LIMITED'));"]),
    http("Dev provincial-code simulator: a malformed number is 400", "GET", "/dev/provincial-code", [
        "pm.test('HTTP 400', () => pm.response.to.have.status(400));",
        "pm.test('code INVALID_ARGUMENT', () => pm.expect(pm.response.json().code).to.eql('INVALID_ARGUMENT'));"], query=[("mobile", "abc")]),
    gql("Syntax error carries a code", "{ regions { code ", tests=err("GRAPHQL_PARSE_FAILED", classification="InvalidSyntax")),
    gql("Unknown field carries a code", "{ regions { code nickname } }", tests=err("GRAPHQL_VALIDATION_FAILED", classification="ValidationError")),
    gql("Deep query is refused", "{ regions { " + "parent { " * 16 + "code" + " }" * 16 + " } }",
        tests=err("QUERY_TOO_DEEP")),
    gql("Alias overload is refused", "{ catalogStatistics { " + " ".join(f"a{i}: activeItemCount" for i in range(100)) + " } }",
        tests=err("TOO_MANY_ALIASES")),
    gql("Costly query is refused", "{ serviceItems(first: 100) { nodes { materials { certificateType { fields { key label } } } lifeEvents { name } department { name } } } }",
        tests=err("QUERY_TOO_COSTLY")),
]}
# ten wrong secrets first (each a 401), sent from the throttle request's pre-request script
perimeter["item"][7]["event"].append({"listen": "prerequest", "script": {"type": "text/javascript", "exec": [
    "const base = pm.environment.get('baseUrl') || pm.variables.get('baseUrl');",
    "for (let i = 0; i < 10; i++) {",
    "  pm.sendRequest({ url: base + '/oauth2/token', method: 'POST',",
    "    header: { 'Content-Type': 'application/x-www-form-urlencoded', 'Authorization': 'Basic ' + CryptoJS.enc.Base64.stringify(CryptoJS.enc.Utf8.parse('postman-guessed-client:guess-' + i)) },",
    "    body: { mode: 'raw', raw: 'grant_type=client_credentials' } }, () => {});",
    "}",
    "setTimeout(() => {}, 1500);"]}})

INSTANT_DOC = """mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { application { id status
  issuedCertificates { number status type { code } } tasks { id status decision { approved at reviewableUntil results { id text outcome reason } } }
  timeline { kind detail } } } }"""
REVOKE_DOC = """mutation($i: RevokeAutomaticApprovalInput!) { revokeAutomaticApproval(input: $i) { application { id status
  issuedCertificates { status statusReason } tasks { status reason decision { approved reviewableUntil revocation { at reason } } } timeline { kind detail } } } }"""

def revoke(name, role, reason, tests):
    return gql(name, REVOKE_DOC, {"i": {"applicationId": "{{instantApplicationId}}", "taskId": "t1", "reason": reason}},
               headers=bearer(role), tests=tests)

instant = {"name": "instant-approval", "description": "秒批: an item's approval rules in its guide, a submission the rules approve at once (its certificate issued), staff taking the approval back within the review period, a submission a failing rule sends to staff with its reasons, and 即办率 in the statistics. Runs in order.", "item": [
    gql("serviceItem: 秒批条件 in the guide (anyone)", '{ serviceItem(code: "370200XK0010008000") { name instantApprovalConditions { id text } } }', tests=OK + [
        "pm.test('two conditions', () => pm.expect(body.data.serviceItem.instantApprovalConditions.map(c => c.id)).to.eql(['drivingLicence', 'below70']));"]),
    gql("submitApplication: every rule holds, approved at submission with its certificate (resident)", INSTANT_DOC,
        {"i": {"item": "370200XK0010008000", "formValues": [], "idempotencyKey": "pm-instant-{{$guid}}"}}, headers=bearer("resident"), tests=OK + [
        "const a = body.data.submitApplication.application;",
        "pm.environment.set('instantApplicationId', a.id);",
        "pm.test('completed at once', () => pm.expect(a.status).to.eql('COMPLETED'));",
        "pm.test('approved by the rules with a reason per rule', () => { const d = a.tasks[0].decision; pm.expect(d.approved).to.be.true; pm.expect(d.results.map(r => r.outcome)).to.eql(['PASSED', 'PASSED', 'PASSED', 'PASSED']); pm.expect(d.reviewableUntil).to.be.a('string'); });",
        "pm.test('the driving licence issued', () => { pm.expect(a.issuedCertificates[0].type.code).to.eql('GA-006'); pm.expect(a.issuedCertificates[0].status).to.eql('VALID'); });",
        "pm.test('timeline says 秒批', () => pm.expect(a.timeline.map(e => e.kind)).to.include.members(['SUBMITTED', 'AUTO_APPROVED', 'COMPLETED', 'CERTIFICATE_ISSUED']));"]),
    gql("taskQueue: the tasks the rules approved, for staff to review (公安 staff)",
        "{ taskQueue(status: APPROVED, approvedByRules: true, first: 100) { totalCount nodes { application { id } taskId status } } }",
        headers=bearer("staff"), tests=OK + [
        "pm.test('the instant approval is there', () => pm.expect(body.data.taskQueue.nodes.map(n => n.application.id)).to.include(pm.environment.get('instantApplicationId')));"]),
    revoke("revokeAutomaticApproval: a resident may not", "resident", "不想要了", err("FORBIDDEN", classification="FORBIDDEN")),
    revoke("revokeAutomaticApproval: another department's staff may not", "staffRs", "复核", err("NOT_YOUR_DEPARTMENT", classification="FORBIDDEN")),
    revoke("revokeAutomaticApproval: a blank reason is refused", "staff", " ", err("VALIDATION_FAILED", "input.reason")),
    revoke("revokeAutomaticApproval (公安 staff): the task returns to staff, the certificate is revoked", "staff", "驾驶证记分周期内有未处理的违法记录", OK + [
        "const a = body.data.revokeAutomaticApproval.application;",
        "pm.test('back to staff', () => { pm.expect(a.status).to.eql('SUBMITTED'); pm.expect(a.tasks[0].status).to.eql('PENDING'); });",
        "pm.test('the revocation recorded', () => { pm.expect(a.tasks[0].decision.revocation.reason).to.eql('驾驶证记分周期内有未处理的违法记录'); pm.expect(a.tasks[0].decision.reviewableUntil).to.be.null; });",
        "pm.test('certificate revoked', () => pm.expect(a.issuedCertificates[0].status).to.eql('REVOKED'));",
        "pm.test('timeline tells the applicant', () => pm.expect(a.timeline.map(e => e.kind)).to.include('DECISION_REVOKED'));"]),
    revoke("revokeAutomaticApproval: twice is NOT_APPROVED_BY_RULES", "staff", "复核", err("NOT_APPROVED_BY_RULES", "input.taskId")),
    gql("submitApplication: a failing rule sends the task to staff with its reasons (resident)", INSTANT_DOC,
        {"i": {"item": "370202JF0120001000", "formValues": [], "idempotencyKey": "pm-rent-{{$guid}}"}}, headers=bearer("resident"), tests=OK + [
        "const a = body.data.submitApplication.application;",
        "pm.test('waits for staff', () => { pm.expect(a.status).to.eql('SUBMITTED'); pm.expect(a.tasks[0].status).to.eql('PENDING'); });",
        "pm.test('the failing rule and why', () => { const r = a.tasks[0].decision.results.find(r => r.id === 'noProperty'); pm.expect(a.tasks[0].decision.approved).to.be.false; pm.expect(r.outcome).to.eql('FAILED'); pm.expect(r.reason).to.include('certificate.ZR-001.valid'); });"]),
    gql("catalogStatistics: 即办率 and handling time (anyone)", "{ catalogStatistics { applications { completed instantApprovalRate { numerator denominator value } averageHandlingHours asOf } } }", tests=OK + [
        "const f = body.data.catalogStatistics.applications;",
        "pm.test('figures', () => { pm.expect(f.completed).to.be.a('number'); pm.expect(f.instantApprovalRate.denominator).to.eql(f.completed); pm.expect(f.asOf).to.be.a('string'); });"]),
    gql("catalogStatistics: 免申即享 uptake (anyone)", "{ catalogStatistics { applications { benefitUptake { numerator denominator value } } } }", tests=OK + [
        "pm.test('a rate', () => pm.expect(body.data.catalogStatistics.applications.benefitUptake.value).to.be.within(0, 1));"]),
]}

OFFERS_DOC = "{ myBenefitOffers { id status policy { code name benefit } results { id outcome reason } applicationId } }"
CONSENT_DOC = "mutation($on: Boolean!) { setProactiveMatching(input: {enabled: $on}) { matching { enabled changedAt } offers { id status policy { code } } } }"
ACCEPT_DOC = "mutation($id: ID!) { acceptBenefitOffer(input: {offerId: $id}) { application { id status tasks { status decision { approved results { id outcome } } } timeline { kind detail } } } }"

benefits = {"name": "benefits", "description": "免申即享 as 王芳 (61, 市北区): consent to proactive matching, the offers it makes with their reasons, accepting one in one step (an application the policy's rules approve), withdrawing consent, and the refusals. Runs in order.", "item": [
    request_code("王芳: request an SMS code", "13800000003"),
    outbox("王芳: read the code", "13800000003", "elderCode"),
    token("王芳: token", "{{appClientId}}", "{{appClientSecret}}", [("grant_type", SMS), ("mobile", "13800000003"), ("code", "{{elderCode}}")], saves_token("elderToken")),
    gql("myBenefitOffers: staff may not", OFFERS_DOC, headers=bearer("staff"), tests=err("FORBIDDEN", classification="FORBIDDEN")),
    gql("setProactiveMatching: consent matches at once (王芳)", CONSENT_DOC, {"on": True}, headers=bearer("elder"), tests=OK + [
        "const r = body.data.setProactiveMatching;",
        "pm.test('consent recorded', () => { pm.expect(r.matching.enabled).to.be.true; pm.expect(r.matching.changedAt).to.be.a('string'); });",
        "const codes = r.offers.map(o => o.policy.code);",
        "pm.test('offered the resident pension and the retirement withdrawal', () => pm.expect(codes).to.include.members(['RESIDENT_PENSION', 'HOUSING_FUND_RETIREMENT']));",
        "pm.environment.set('pensionOfferId', r.offers.find(o => o.policy.code === 'RESIDENT_PENSION').id);",
        "pm.environment.set('housingFundOfferId', r.offers.find(o => o.policy.code === 'HOUSING_FUND_RETIREMENT').id);"]),
    gql("myBenefitOffers: each with its reasons (王芳)", OFFERS_DOC, headers=bearer("elder"), tests=OK + [
        "const pension = body.data.myBenefitOffers.find(o => o.policy.code === 'RESIDENT_PENSION');",
        "pm.test('every rule passed, with a reason', () => { pm.expect(pension.results.map(r => r.outcome)).to.eql(['PASSED', 'PASSED', 'PASSED']); pm.expect(pension.results[0].reason).to.include('person.age'); });",
        "pm.test('what it grants', () => pm.expect(pension.policy.benefit).to.be.a('string').and.not.empty);"]),
    gql("acceptBenefitOffer: someone else's offer is OFFER_NOT_FOUND", ACCEPT_DOC, {"id": "{{pensionOfferId}}"}, headers=bearer("resident"),
        tests=err("OFFER_NOT_FOUND", "input.offerId", classification="NOT_FOUND")),
    gql("acceptBenefitOffer: a blank id is refused", ACCEPT_DOC, {"id": " "}, headers=bearer("elder"), tests=err("VALIDATION_FAILED", "input.offerId")),
    gql("acceptBenefitOffer: one step, approved by the policy's rules (王芳)", ACCEPT_DOC, {"id": "{{pensionOfferId}}"}, headers=bearer("elder"), tests=OK + [
        "const a = body.data.acceptBenefitOffer.application;",
        "pm.environment.set('grantedApplicationId', a.id);",
        "pm.test('completed at once', () => { pm.expect(a.status).to.eql('COMPLETED'); pm.expect(a.tasks[0].decision.approved).to.be.true; });",
        "pm.test('timeline says 免申即享', () => { pm.expect(a.timeline.map(e => e.kind)).to.include('AUTO_APPROVED'); pm.expect(a.timeline[0].detail).to.include('免申即享'); });"]),
    gql("acceptBenefitOffer: again returns the same application (王芳)", ACCEPT_DOC, {"id": "{{pensionOfferId}}"}, headers=bearer("elder"), tests=OK + [
        "pm.test('same application', () => pm.expect(body.data.acceptBenefitOffer.application.id).to.eql(pm.environment.get('grantedApplicationId')));"]),
    gql("setProactiveMatching: withdrawing consent withdraws open offers (王芳)", CONSENT_DOC, {"on": False}, headers=bearer("elder"), tests=OK + [
        "const offers = body.data.setProactiveMatching.offers;",
        "pm.test('consent withdrawn', () => pm.expect(body.data.setProactiveMatching.matching.enabled).to.be.false);",
        "pm.test('open offer withdrawn, accepted one kept', () => { pm.expect(offers.find(o => o.policy.code === 'HOUSING_FUND_RETIREMENT').status).to.eql('WITHDRAWN'); pm.expect(offers.find(o => o.policy.code === 'RESIDENT_PENSION').status).to.eql('ACCEPTED'); });"]),
    gql("acceptBenefitOffer: a withdrawn offer is OFFER_WITHDRAWN", ACCEPT_DOC, {"id": "{{housingFundOfferId}}"}, headers=bearer("elder"),
        tests=err("OFFER_WITHDRAWN", "input.offerId")),
    gql("myProactiveMatching (王芳)", "{ myProactiveMatching { enabled changedAt } }", headers=bearer("elder"), tests=OK + [
        "pm.test('not matching', () => pm.expect(body.data.myProactiveMatching.enabled).to.be.false);"]),
]}

def with_raw_variables(item, variables):
    """Variables as written, for a value the environment holds as JSON (an array saved by an earlier request)."""
    item["request"]["body"]["graphql"]["variables"] = variables
    return item

FAV_ADD = "mutation($c: ID!) { addFavouriteItem(input: {code: $c}) { favourites { code name } } }"
shelf = {"name": "my-items", "description": "收藏 and 最近使用 as 张伟: favourites in his order, no duplicates, the limit's refusals; recent items kept from the guides he opens. Runs in order.", "item": [
    gql("addFavouriteItem: 异地就医备案 (resident)", FAV_ADD, {"c": "370202GG0030002000"}, headers=bearer("resident"), tests=OK + [
        "pm.test('in my favourites', () => pm.expect(body.data.addFavouriteItem.favourites.map(i => i.code)).to.include('370202GG0030002000'));"]),
    gql("addFavouriteItem: 驾驶证延期换证 (resident)", FAV_ADD, {"c": "370200XK0010008000"}, headers=bearer("resident"), tests=OK + [
        "const codes = body.data.addFavouriteItem.favourites.map(i => i.code);",
        "pm.test('added at the end', () => pm.expect(codes[codes.length - 1]).to.eql('370200XK0010008000'));"]),
    gql("addFavouriteItem: twice leaves one (resident)", FAV_ADD, {"c": "370202GG0030002000"}, headers=bearer("resident"), tests=OK + [
        "pm.test('no duplicate', () => pm.expect(body.data.addFavouriteItem.favourites.filter(i => i.code === '370202GG0030002000')).to.have.lengthOf(1));"]),
    gql("addFavouriteItem: an unknown item is ITEM_NOT_FOUND", FAV_ADD, {"c": "370202XX9999999000"}, headers=bearer("resident"),
        tests=err("ITEM_NOT_FOUND", "input.code", classification="NOT_FOUND")),
    gql("addFavouriteItem: anonymous is UNAUTHORIZED", FAV_ADD, {"c": "370202GG0030002000"}, tests=err("UNAUTHORIZED", classification="UNAUTHORIZED")),
    gql("reorderFavouriteItems: a list that is not my favourites is refused", "mutation($c: [ID!]!) { reorderFavouriteItems(input: {codes: $c}) { favourites { code } } }",
        {"c": ["370200XK0010008000"]}, headers=bearer("resident"), tests=err("INVALID_ARGUMENT", "input.codes")),
    gql("myFavouriteItems then reorderFavouriteItems: reversed (resident)", "{ myFavouriteItems { code } }", headers=bearer("resident"), tests=OK + [
        "const codes = body.data.myFavouriteItems.map(i => i.code);",
        "pm.environment.set('favouritesReversed', JSON.stringify(codes.slice().reverse()));",
        "pm.test('two or more', () => pm.expect(codes.length).to.be.at.least(2));"]),
    with_raw_variables(gql("reorderFavouriteItems (resident)", "mutation($c: [ID!]!) { reorderFavouriteItems(input: {codes: $c}) { favourites { code } } }",
        None, headers=bearer("resident"), tests=OK + [
        "pm.test('in the order asked', () => pm.expect(body.data.reorderFavouriteItems.favourites.map(i => i.code)).to.eql(JSON.parse(pm.environment.get('favouritesReversed'))));"]),
        '{"c": {{favouritesReversed}}}'),
    gql("removeFavouriteItem (resident)", "mutation($c: ID!) { removeFavouriteItem(input: {code: $c}) { favourites { code } } }", {"c": "370200XK0010008000"},
        headers=bearer("resident"), tests=OK + [
        "pm.test('gone', () => pm.expect(body.data.removeFavouriteItem.favourites.map(i => i.code)).not.to.include('370200XK0010008000'));"]),
    gql("serviceItem: opening a guide (resident)", '{ serviceItem(code: "370202JF0120003000") { code name } }', headers=bearer("resident"), tests=OK),
    gql("myPreferences: 长辈版 off by default (enterprise agent)", "{ myPreferences { elderMode updatedAt } }", headers=bearer("enterprise"), tests=OK + [
        "pm.test('off', () => pm.expect(body.data.myPreferences.elderMode).to.be.false);"]),
    gql("updateMyPreferences: 长辈版 on (resident)", "mutation { updateMyPreferences(input: {elderMode: true}) { preferences { elderMode updatedAt } } }", headers=bearer("resident"), tests=OK + [
        "pm.test('on', () => { pm.expect(body.data.updateMyPreferences.preferences.elderMode).to.be.true; pm.expect(body.data.updateMyPreferences.preferences.updatedAt).to.be.a('string'); });"]),
    gql("updateMyPreferences: staff have none", "mutation { updateMyPreferences(input: {elderMode: true}) { preferences { elderMode } } }", headers=bearer("staff"),
        tests=err("FORBIDDEN", classification="FORBIDDEN")),
    gql("plainSteps: 居民身份证换领 in plain words; a rare item falls back to process (anyone)", '{ idCard: serviceItem(code: "370202QR0010002000") { plainSteps } rare: serviceItem(code: "370200XK0180002000") { plainSteps process } }', tests=OK + [
        "pm.test('short sentences', () => { pm.expect(body.data.idCard.plainSteps.length).to.be.within(2, 6); body.data.idCard.plainSteps.forEach(s => pm.expect(s.length).to.be.at.most(30)); });",
        "pm.test('the fee as the guide says', () => pm.expect(body.data.idCard.plainSteps.join('')).to.include('20元'));",
        "pm.test('none written: empty, process remains', () => { pm.expect(body.data.rare.plainSteps).to.be.empty; pm.expect(body.data.rare.process).not.to.be.empty; });"]),
    gql("accessibilityLabel: screen-reader text on an item and the bundles (anyone)", '{ serviceItem(code: "370202GG0030002000") { accessibilityLabel } bundles { code accessibilityLabel } }', tests=OK + [
        "pm.test('the item read in whole sentences', () => pm.expect(body.data.serviceItem.accessibilityLabel).to.match(/^异地就医备案。由.+办理。/));",
        "pm.test('every bundle has one', () => body.data.bundles.forEach(b => pm.expect(b.accessibilityLabel).to.include('一件事')));"]),
    gql("myRecentItems: the guide just opened comes first (resident)", "{ myRecentItems { code name } }", headers=bearer("resident"), tests=OK + [
        "pm.test('newest first', () => pm.expect(body.data.myRecentItems[0].code).to.eql('370202JF0120003000'));",
        "pm.test('at most 20', () => pm.expect(body.data.myRecentItems.length).to.be.at.most(20));"]),
]}

PROGRESS_REQUEST = "mutation($id: ID!) { requestProgressCode(input: {applicationId: $id}) { maskedMobile expiresInSeconds } }"
PROGRESS_DOC = "query($id: ID!, $code: String!) { applicationProgress(applicationId: $id, code: $code) { applicationId title status applicantName submittedAt completedAt timeline { at kind department { code } } } }"
progress = {"name": "progress-lookup", "description": "办件进度查询 without signing in: a code to the applicant's registered mobile (read from the dev outbox), then status and timeline with the name masked; the refusals. Uses the bundle journey's application. Runs in order.", "item": [
    gql("requestProgressCode: an unknown application is APPLICATION_NOT_FOUND", PROGRESS_REQUEST, {"id": "app_000000000000000000000000"},
        tests=err("APPLICATION_NOT_FOUND", "input.applicationId", classification="NOT_FOUND")),
    gql("requestProgressCode (anyone)", PROGRESS_REQUEST, {"id": "{{applicationId}}"}, tests=OK + [
        "pm.test('sent to the applicant, masked', () => pm.expect(body.data.requestProgressCode.maskedMobile).to.eql('138****0001'));",
        "pm.test('valid 5 minutes', () => pm.expect(body.data.requestProgressCode.expiresInSeconds).to.eql(300));"]),
    outbox("Applicant's phone: read the progress code", "13800000001", "progressCode"),
    gql("applicationProgress: a wrong code is PROGRESS_CODE_INVALID", PROGRESS_DOC, {"id": "{{applicationId}}", "code": "1234567"},
        tests=err("PROGRESS_CODE_INVALID", "code")),
    gql("applicationProgress (anyone with the code)", PROGRESS_DOC, {"id": "{{applicationId}}", "code": "{{progressCode}}"}, tests=OK + [
        "const p = body.data.applicationProgress;",
        "pm.test('the application', () => pm.expect(p.applicationId).to.eql(pm.environment.get('applicationId')));",
        "pm.test('name masked', () => pm.expect(p.applicantName).to.eql('张*'));",
        "pm.test('a timeline without details', () => { pm.expect(p.timeline[0].kind).to.eql('SUBMITTED'); pm.expect(p.timeline[0]).not.to.have.property('detail'); });"]),
    gql("requestProgressCode: again within a minute is RATE_LIMITED", PROGRESS_REQUEST, {"id": "{{applicationId}}"},
        tests=err("RATE_LIMITED", "input.applicationId")),
]}

HALLS_NEAR = "query($near: GeoPointInput, $item: ID, $open: Boolean, $first: Int) { serviceHalls(near: $near, item: $item, openNow: $open, first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { distanceMeters node { code name level address phone openNow nextOpening onHolidays location { lat lng } region { code name } openingHours { days opens closes note } windowGroups { code name slotCapacity } handlesAllRegionItems } } } }"
halls = {"name": "halls", "description": "就近办: service halls nearest first from a point in 李沧区 (GCJ-02), those that handle an item, a guide's 办理地点, the refusals. Anyone may ask.", "item": [
    gql("serviceHalls: nearest first from 李村 (anyone)", HALLS_NEAR, {"near": {"lat": 36.1475, "lng": 120.4345}, "first": 10}, tests=OK + [
        "const edges = body.data.serviceHalls.edges;",
        "pm.test('ten of all 48', () => { pm.expect(edges).to.have.lengthOf(10); pm.expect(body.data.serviceHalls.totalCount).to.eql(48); });",
        "pm.test('nearest first', () => edges.slice(1).forEach((e, i) => pm.expect(e.distanceMeters).to.be.at.least(edges[i].distanceMeters)));",
        "pm.test('the nearest in 李沧区, within a kilometre', () => { pm.expect(edges[0].node.region.code).to.eql('370213'); pm.expect(edges[0].distanceMeters).to.be.below(1000); });",
        "pm.test('hours with a lunch break', () => { const h = edges[0].node.openingHours; pm.expect(h.length).to.be.at.least(2); pm.expect(h[0].closes < h[1].opens).to.be.true; });",
        "pm.test('a phone only when known', () => edges.forEach(e => pm.expect(e.node.phone === null || typeof e.node.phone === 'string').to.be.true));"]),
    gql("serviceHalls: without a point the city's centre comes first (anyone)", HALLS_NEAR, {"first": 1}, tests=OK + [
        "pm.test('青岛市政务服务中心', () => pm.expect(body.data.serviceHalls.edges[0].node.code).to.eql('370200-C'));",
        "pm.test('no distance', () => pm.expect(body.data.serviceHalls.edges[0].distanceMeters).to.be.null);"]),
    gql("serviceHalls: open now is a yes or no for every hall (anyone)", "{ open: serviceHalls(openNow: true) { totalCount } closed: serviceHalls(openNow: false) { totalCount } }", tests=OK + [
        "pm.test('open and closed add up to all', () => pm.expect(body.data.open.totalCount + body.data.closed.totalCount).to.eql(48));"]),
    gql("serviceHalls: the halls for an item of 市北区 (anyone)", HALLS_NEAR, {"item": "370203JF0120001000", "first": 50}, tests=OK + [
        "pm.test('only 市北区 halls', () => body.data.serviceHalls.edges.forEach(e => pm.expect(e.node.code).to.match(/^370203-/)));",
        "pm.test('its centre among them', () => pm.expect(body.data.serviceHalls.edges.map(e => e.node.code)).to.include('370203-C'));"]),
    gql("serviceItem.serviceHalls: the guide says where to go (anyone)", 'query($near: GeoPointInput) { serviceItem(code: "370203JF0120001000") { name serviceHalls(near: $near, first: 3) { code name address openingHours { days opens closes } } } }',
        {"near": {"lat": 36.0872, "lng": 120.3748}}, tests=OK + [
        "pm.test('up to three, each with hours', () => { const h = body.data.serviceItem.serviceHalls; pm.expect(h.length).to.be.within(1, 3); h.forEach(x => pm.expect(x.openingHours).to.not.be.empty); });"]),
    gql("serviceHall: one by code (anyone)", '{ serviceHall(code: "370213-C") { code name level windowGroups { code name slotCapacity } } }', tests=OK + [
        "pm.test('李沧区政务服务中心', () => pm.expect(body.data.serviceHall.name).to.eql('李沧区政务服务中心'));"]),
    gql("serviceHall: an unknown code is null", '{ serviceHall(code: "NOPE") { code } }', tests=OK + [
        "pm.test('null', () => pm.expect(body.data.serviceHall).to.be.null);"]),
    gql("serviceHalls: latitude and longitude swapped is INVALID_ARGUMENT", HALLS_NEAR, {"near": {"lat": 120.43, "lng": 36.14}}, tests=err("VALIDATION_FAILED", "near.lat")),
    gql("serviceHalls: an unknown item is ITEM_NOT_FOUND", HALLS_NEAR, {"item": "370203XX9999999000"}, tests=err("ITEM_NOT_FOUND", "item", classification="NOT_FOUND")),
]}

SLOTS = "query($h: ID!, $g: ID!) { appointmentSlots(hall: $h, windowGroup: $g) { startsAt endsAt capacity available } }"
BOOK = "mutation($h: ID!, $g: ID!, $at: DateTime!, $key: String!) { bookAppointment(input: {hall: $h, windowGroup: $g, startsAt: $at, idempotencyKey: $key}) { appointment { id number status startsAt endsAt hall { code } windowGroup { code name } } } }"
appointments = {"name": "appointments", "description": "预约 as 张伟 at 市南区政务服务中心's 综合受理: slots, booking (and its retry), my appointments, moving and cancelling, the refusals. Runs in order.", "item": [
    gql("appointmentSlots: the next days' half hours (anyone)", SLOTS, {"h": "370202-C", "g": "A"}, tests=OK + [
        "const slots = body.data.appointmentSlots;",
        "pm.test('some slots, each with places', () => { pm.expect(slots.length).to.be.above(3); slots.forEach(s => pm.expect(s.available).to.be.within(0, s.capacity)); });",
        "pm.environment.set('slot1', slots[0].startsAt); pm.environment.set('slot2', slots[2].startsAt);",
        "pm.environment.set('slot1Available', slots[0].available);",
        "pm.environment.set('bookingKey', 'postman-' + Date.now());"]),
    gql("bookAppointment (resident)", BOOK, {"h": "370202-C", "g": "A", "at": "{{slot1}}", "key": "{{bookingKey}}"}, headers=bearer("resident"), tests=OK + [
        "const a = body.data.bookAppointment.appointment;",
        "pm.test('booked, with an eight-digit number', () => { pm.expect(a.status).to.eql('BOOKED'); pm.expect(a.number).to.match(/^\\d{8}$/); });",
        "pm.test('half an hour', () => pm.expect(new Date(a.endsAt) - new Date(a.startsAt)).to.eql(1800000));",
        "pm.environment.set('appointmentId', a.id);"]),
    gql("bookAppointment: the same key again is the same appointment (resident)", BOOK, {"h": "370202-C", "g": "A", "at": "{{slot1}}", "key": "{{bookingKey}}"}, headers=bearer("resident"), tests=OK + [
        "pm.test('same id', () => pm.expect(body.data.bookAppointment.appointment.id).to.eql(pm.environment.get('appointmentId')));"]),
    gql("appointmentSlots: one place fewer (anyone)", SLOTS, {"h": "370202-C", "g": "A"}, tests=OK + [
        "pm.test('one place taken', () => pm.expect(body.data.appointmentSlots[0].available).to.eql(Number(pm.environment.get('slot1Available')) - 1));"]),
    gql("myAppointments (resident)", "{ myAppointments { id number startsAt hall { name } } }", headers=bearer("resident"), tests=OK + [
        "pm.test('mine is there', () => pm.expect(body.data.myAppointments.map(a => a.id)).to.include(pm.environment.get('appointmentId')));"]),
    gql("rescheduleAppointment (resident)", "mutation($id: ID!, $at: DateTime!) { rescheduleAppointment(input: {appointmentId: $id, startsAt: $at}) { appointment { id startsAt status } } }",
        {"id": "{{appointmentId}}", "at": "{{slot2}}"}, headers=bearer("resident"), tests=OK + [
        "const a = body.data.rescheduleAppointment.appointment;",
        "pm.test('moved', () => pm.expect(new Date(a.startsAt).getTime()).to.eql(new Date(pm.environment.get('slot2')).getTime()));",
        "pm.environment.set('movedAppointmentId', a.id);"]),
    gql("cancelAppointment: the old one is gone after the move", "mutation($id: ID!) { cancelAppointment(input: {appointmentId: $id}) { appointment { status } } }",
        {"id": "{{appointmentId}}"}, headers=bearer("resident"), tests=err("APPOINTMENT_NOT_FOUND", "input.appointmentId", classification="NOT_FOUND")),
    gql("cancelAppointment (resident)", "mutation($id: ID!) { cancelAppointment(input: {appointmentId: $id}) { appointment { status } } }",
        {"id": "{{movedAppointmentId}}"}, headers=bearer("resident"), tests=OK + [
        "pm.test('cancelled', () => pm.expect(body.data.cancelAppointment.appointment.status).to.eql('CANCELLED'));"]),
    gql("bookAppointment: a time off the grid is SLOT_NOT_OFFERED", BOOK, {"h": "370202-C", "g": "A", "at": "2026-01-01T03:07:00+08:00", "key": "postman-off-grid"},
        headers=bearer("resident"), tests=err("SLOT_NOT_OFFERED", "input.startsAt")),
    gql("bookAppointment: an unknown window group is WINDOW_GROUP_NOT_FOUND", BOOK, {"h": "370202-C", "g": "Z", "at": "{{slot1}}", "key": "postman-z"},
        headers=bearer("resident"), tests=err("WINDOW_GROUP_NOT_FOUND", "windowGroup", classification="NOT_FOUND")),
    gql("bookAppointment: anonymous is UNAUTHORIZED", BOOK, {"h": "370202-C", "g": "A", "at": "{{slot1}}", "key": "postman-anon"},
        tests=err("UNAUTHORIZED", classification="UNAUTHORIZED")),
    gql("bookAppointment: staff cannot book", BOOK, {"h": "370202-C", "g": "A", "at": "{{slot1}}", "key": "postman-staff"},
        headers=bearer("staff"), tests=err("FORBIDDEN", classification="FORBIDDEN")),
    gql("appointmentSlots: more than 8 days is INVALID_ARGUMENT", 'query { appointmentSlots(hall: "370202-C", windowGroup: "A", days: 30) { startsAt } }',
        tests=err("VALIDATION_FAILED", "days")),
]}

Q_TICKET = "ticket { id number kind status peopleAhead estimatedWaitMinutes window hall { code } windowGroup { code name } }"
queue = {"name": "queue", "description": "叫号 at 青岛市政务服务中心: a kiosk's walk-in ticket, following it by its id, the hall's queue screen, a 行政审批 window calling, recalling and marking a no-show, and the refusals (a counter staff of another department, a terminal that is no kiosk). Runs in order on a fresh service.", "item": [
    token("Hall kiosk: client credentials", "terminal-kiosk-370200-c-01", "{{terminalSecret}}", [("grant_type", "client_credentials")], saves_token("kioskToken")),
    token("Staff 行政审批: sign in", "{{consoleClientId}}", "{{consoleClientSecret}}", [("grant_type", ACCOUNT), ("username", "staff.xz"), ("password", "{{staffPassword}}")], saves_token("staffXzToken")),
    gql("takeQueueTicket: a walk-in's ticket (kiosk)", "mutation { takeQueueTicket(input: {windowGroup: \"B\"}) { " + Q_TICKET + " } }", headers=bearer("kiosk"), tests=OK + [
        "const t = body.data.takeQueueTicket.ticket;",
        "pm.test('B001, waiting, first in line', () => { pm.expect(t.number).to.eql('B001'); pm.expect(t.status).to.eql('WAITING'); pm.expect(t.peopleAhead).to.eql(0); });",
        "pm.test('at the kiosk\u2019s hall', () => pm.expect(t.hall.code).to.eql('370200-C'));",
        "pm.environment.set('ticketId', t.id);"]),
    gql("queueTicket: followed by its id (anyone)", "query($id: ID!) { queueTicket(id: $id) { number status peopleAhead estimatedWaitMinutes } }", {"id": "{{ticketId}}"}, tests=OK + [
        "pm.test('waiting', () => pm.expect(body.data.queueTicket.status).to.eql('WAITING'));"]),
    gql("hallQueue: the queue screen (anyone)", '{ hallQueue(hall: "370200-C") { windowGroup waiting lastCalledNumber lastCalledWindow } }', tests=OK + [
        "pm.test('one waiting at B', () => pm.expect(body.data.hallQueue.find(g => g.windowGroup === 'B').waiting).to.eql(1));"]),
    gql("callNextTicket: another department's staff are refused", 'mutation { callNextTicket(input: {hall: "370200-C", windowGroup: "B", window: "05"}) { ticket { number } } }',
        headers=bearer("staff"), tests=err("FORBIDDEN", classification="FORBIDDEN")),
    gql("callNextTicket (staff 行政审批)", 'mutation { callNextTicket(input: {hall: "370200-C", windowGroup: "B", window: "05"}) { ' + Q_TICKET + ' } }', headers=bearer("staffXz"), tests=OK + [
        "const t = body.data.callNextTicket.ticket;",
        "pm.test('B001 to window 05', () => { pm.expect(t.number).to.eql('B001'); pm.expect(t.window).to.eql('05'); pm.expect(t.status).to.eql('CALLED'); });"]),
    gql("recallTicket (staff 行政审批)", 'mutation { recallTicket(input: {hall: "370200-C", windowGroup: "B", number: "B001"}) { ticket { number status } } }', headers=bearer("staffXz"), tests=OK + [
        "pm.test('still called', () => pm.expect(body.data.recallTicket.ticket.status).to.eql('CALLED'));"]),
    gql("markTicketNoShow (staff 行政审批)", 'mutation { markTicketNoShow(input: {hall: "370200-C", windowGroup: "B", number: "B001"}) { ticket { number status } } }', headers=bearer("staffXz"), tests=OK + [
        "pm.test('no-show', () => pm.expect(body.data.markTicketNoShow.ticket.status).to.eql('NO_SHOW'));"]),
    {"name": "queueTicketUpdates over SSE: a no-show ticket's state, then complete (anyone holding the id)", "request": {
        "method": "POST",
        "header": [{"key": "Content-Type", "value": "application/json"}, {"key": "Accept", "value": "text/event-stream"}],
        "body": {"mode": "raw", "raw": json.dumps({"query": "subscription($id: ID!) { queueTicketUpdates(id: $id) { number status } }", "variables": {"id": "{{ticketId}}"}})},
        "url": {"raw": "{{baseUrl}}/graphql", "host": ["{{baseUrl}}"], "path": ["graphql"]}},
     "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": [
        "pm.test('an event stream', () => pm.expect(pm.response.headers.get('Content-Type')).to.include('text/event-stream'));",
        "pm.test('the ticket as it stands, then complete', () => { pm.expect(pm.response.text()).to.include('NO_SHOW'); pm.expect(pm.response.text()).to.include('event:complete'); });"]}}]},
    gql("recallTicket: a no-show is TICKET_NOT_CALLED", 'mutation { recallTicket(input: {hall: "370200-C", windowGroup: "B", number: "B001"}) { ticket { number } } }',
        headers=bearer("staffXz"), tests=err("TICKET_NOT_CALLED", "input.number")),
    gql("callNextTicket: nobody waiting gives no ticket (staff 行政审批)", 'mutation { callNextTicket(input: {hall: "370200-C", windowGroup: "B", window: "05"}) { ticket { number } } }', headers=bearer("staffXz"), tests=OK + [
        "pm.test('null', () => pm.expect(body.data.callNextTicket.ticket).to.be.null);"]),
    gql("checkInAppointment: an unknown 预约号 is NO_APPOINTMENT_TO_CHECK_IN", 'mutation { checkInAppointment(input: {appointmentNumber: "00000000"}) { ticket { number } } }',
        headers=bearer("kiosk"), tests=err("NO_APPOINTMENT_TO_CHECK_IN", "input.appointmentNumber", classification="NOT_FOUND")),
    gql("checkInAppointment: neither number nor code is INVALID_ARGUMENT", "mutation { checkInAppointment(input: {}) { ticket { number } } }",
        headers=bearer("kiosk"), tests=err("INVALID_ARGUMENT", "input")),
    gql("takeQueueTicket: a bus reader is no hall kiosk", 'mutation { takeQueueTicket(input: {windowGroup: "A"}) { ticket { number } } }',
        headers=bearer("busTerminal"), tests=err("NOT_A_HALL_KIOSK", classification="FORBIDDEN")),
    gql("queueTicket: an unknown id is TICKET_NOT_FOUND", '{ queueTicket(id: "tkt_bm9wZQ") { number } }', tests=err("TICKET_NOT_FOUND", "ticketId", classification="NOT_FOUND")),
]}

MSGS = "query($u: Boolean, $a: String) { myMessages(first: 20, unreadOnly: $u, after: $a) { unreadCount pageInfo { hasNextPage endCursor } edges { cursor node { id kind title body link createdAt readAt } } } }"
messages = {"name": "messages", "description": "消息中心 as 张伟: the inbox holds the progress of the bundle journey's application, SMS preferences, marking read, keyset paging's refusal of a foreign cursor, who may read it. Runs after the journey.", "item": [
    gql("myMessages: the journey's application is in my inbox (resident)", MSGS, {"u": False}, headers=bearer("resident"), tests=OK + [
        "const m = body.data.myMessages;",
        "pm.test('a message about my application', () => pm.expect(m.edges.map(e => e.node.link)).to.include('application:' + pm.environment.get('applicationId')));",
        "pm.test('newest first', () => m.edges.slice(1).forEach((e, i) => pm.expect(new Date(e.node.createdAt) <= new Date(m.edges[i].node.createdAt)).to.be.true));",
        "pm.environment.set('unreadMessages', m.unreadCount);"]),
    gql("myMessagePreferences: progress, reminders and delegations by SMS by default (resident)", "{ myMessagePreferences { smsKinds updatedAt } }", headers=bearer("resident"), tests=OK + [
        "pm.test('APPLICATION, APPOINTMENT and DELEGATION', () => pm.expect(body.data.myMessagePreferences.smsKinds).to.have.members(['APPLICATION', 'APPOINTMENT', 'DELEGATION']));"]),
    gql("updateMyMessagePreferences: reminders only (resident)", "mutation { updateMyMessagePreferences(input: {smsKinds: [APPOINTMENT]}) { preferences { smsKinds updatedAt } } }", headers=bearer("resident"), tests=OK + [
        "pm.test('stored', () => { pm.expect(body.data.updateMyMessagePreferences.preferences.smsKinds).to.eql(['APPOINTMENT']); pm.expect(body.data.updateMyMessagePreferences.preferences.updatedAt).to.be.a('string'); });"]),
    gql("markMessagesRead: all (resident)", "mutation { markMessagesRead(input: {all: true}) { markedRead } }", headers=bearer("resident"), tests=OK + [
        "pm.test('every unread one', () => pm.expect(body.data.markMessagesRead.markedRead).to.eql(Number(pm.environment.get('unreadMessages'))));"]),
    gql("myMessages: none unread now (resident)", MSGS, {"u": True}, headers=bearer("resident"), tests=OK + [
        "pm.test('none', () => { pm.expect(body.data.myMessages.unreadCount).to.eql(0); pm.expect(body.data.myMessages.edges).to.be.empty; });"]),
    gql("markMessagesRead: neither ids nor all is INVALID_ARGUMENT", "mutation { markMessagesRead(input: {}) { markedRead } }", headers=bearer("resident"), tests=err("INVALID_ARGUMENT", "input")),
    gql("myMessages: a cursor of another list is INVALID_ARGUMENT", MSGS, {"a": "bzE6MjA"}, headers=bearer("resident"), tests=err("INVALID_ARGUMENT", "after")),
    gql("myMessages: staff have no inbox here", MSGS, None, headers=bearer("staff"), tests=err("FORBIDDEN", classification="FORBIDDEN")),
    gql("myMessages: anonymous is UNAUTHORIZED", MSGS, None, tests=err("UNAUTHORIZED", classification="UNAUTHORIZED")),
    {"name": "messageAdded over SSE as staff: FORBIDDEN (only residents have an inbox)", "request": {
        "method": "POST",
        "header": [{"key": "Content-Type", "value": "application/json"}, {"key": "Accept", "value": "text/event-stream"}] + bearer("staff"),
        "body": {"mode": "raw", "raw": json.dumps({"query": "subscription { messageAdded { id kind title } }"})},
        "url": {"raw": "{{baseUrl}}/graphql", "host": ["{{baseUrl}}"], "path": ["graphql"]}},
     "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": [
        "pm.test('an event stream', () => pm.expect(pm.response.headers.get('Content-Type')).to.include('text/event-stream'));",
        "pm.test('refused with FORBIDDEN, then complete', () => { pm.expect(pm.response.text()).to.include('FORBIDDEN'); pm.expect(pm.response.text()).to.include('event:complete'); });"]}}]},
]}

EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange"
DLG_TYPE = "urn:tongban:params:oauth:token-type:delegation"
AT_TYPE = "urn:ietf:params:oauth:token-type:access_token"
REQUEST_DLG = """mutation($i: RequestDelegationInput!) { requestDelegation(input: $i) {
  codeSentTo codeValidSeconds delegation { id kind status scopes representedName actorName days } } }"""
CONFIRM_DLG = """mutation($id: ID!, $c: String!) { confirmDelegation(input: {delegationId: $id, code: $c}) { delegation { id status confirmedAt expiresAt } } }"""
DLG_LIST = """query($as: DelegationSide!) { myDelegations(as: $as) { id kind status actorName representedName scopes expiresAt lastUsedAt acts(first: 10) { at operations clientName } } }"""

def exchange_form(actor, scope=None):
    form = [("grant_type", EXCHANGE), ("subject_token", "{{delegationId}}"), ("subject_token_type", DLG_TYPE),
            ("actor_token", "{{" + actor + "Token}}"), ("actor_token_type", AT_TYPE)]
    if scope:
        form.append(("scope", scope))
    return form

def oauth_refused(error):
    return ["pm.test('HTTP 400', () => pm.response.to.have.status(400));",
            f"pm.test('{error}', () => pm.expect(pm.response.json().error).to.eql('{error}'));"]

delegation = {"name": "delegation", "description": "亲情代办: 周强 asks to act for 王芳 (61); the code goes to 王芳's registered mobile (read from the dev outbox) and 周强 confirms with it; a token exchange (RFC 8693) gives 周强 a token whose subject is 王芳 and whose act claim names him, within the delegation's scopes only; what that token may and may not do; 王芳 sees who acted and what they did, and revokes it, which ends the token at once. Runs in order after the benefits folder (王芳's token).", "item": [
    request_code("周强: request an SMS code", "13800000008"),
    outbox("周强: read the code", "13800000008", "zhouCode"),
    token("周强: token", "{{appClientId}}", "{{appClientSecret}}", [("grant_type", SMS), ("mobile", "13800000008"), ("code", "{{zhouCode}}")], saves_token("zhouToken")),
    gql("requestDelegation: a name that does not match the ID number is DELEGATION_PERSON_NOT_FOUND", REQUEST_DLG,
        {"i": {"idNumber": "370203196511203186", "name": "王芬", "scopes": ["CERTIFICATES"], "days": 30}}, headers=bearer("zhou"),
        tests=err("DELEGATION_PERSON_NOT_FOUND", "input.idNumber", "NOT_FOUND")),
    gql("requestDelegation: for oneself is DELEGATION_FOR_SELF", REQUEST_DLG,
        {"i": {"idNumber": "370283196612018934", "name": "周强", "scopes": ["CERTIFICATES"], "days": 30}}, headers=bearer("zhou"),
        tests=err("DELEGATION_FOR_SELF", "input.idNumber")),
    gql("requestDelegation: 366 days is VALIDATION_FAILED", REQUEST_DLG,
        {"i": {"idNumber": "370203196511203186", "name": "王芳", "scopes": ["CERTIFICATES"], "days": 366}}, headers=bearer("zhou"),
        tests=err("VALIDATION_FAILED")),
    gql("requestDelegation: anonymous is UNAUTHORIZED", REQUEST_DLG,
        {"i": {"idNumber": "370203196511203186", "name": "王芳", "scopes": ["CERTIFICATES"], "days": 30}},
        tests=err("UNAUTHORIZED", classification="UNAUTHORIZED")),
    gql("requestDelegation: 周强 asks to act for 王芳 (办事、证照, 30 days)", REQUEST_DLG,
        {"i": {"idNumber": "370203196511203186", "name": "王芳", "scopes": ["APPLICATIONS", "CERTIFICATES"], "days": 30}}, headers=bearer("zhou"), tests=OK + [
        "const r = body.data.requestDelegation;",
        "pm.test('the code went to the registered mobile of 王芳', () => { pm.expect(r.codeSentTo).to.eql('138****0003'); pm.expect(r.codeValidSeconds).to.eql(300); });",
        "pm.test('pending, as asked', () => { pm.expect(r.delegation.status).to.eql('PENDING'); pm.expect(r.delegation.kind).to.eql('AUTHORISED'); pm.expect(r.delegation.scopes).to.eql(['APPLICATIONS', 'CERTIFICATES']); pm.expect(r.delegation.representedName).to.eql('王芳'); pm.expect(r.delegation.actorName).to.eql('周强'); });",
        "pm.environment.set('delegationId', r.delegation.id);"]),
    gql("confirmDelegation: a wrong code is DELEGATION_CODE_INVALID", CONFIRM_DLG, {"id": "{{delegationId}}", "c": "000000"}, headers=bearer("zhou"),
        tests=err("DELEGATION_CODE_INVALID", "input.code")),
    outbox("王芳: the code in her SMS (dev outbox)", "13800000003", "delegationCode"),
    gql("confirmDelegation: 王芳 read the code to 周强", CONFIRM_DLG, {"id": "{{delegationId}}", "c": "{{delegationCode}}"}, headers=bearer("zhou"), tests=OK + [
        "const d = body.data.confirmDelegation.delegation;",
        "pm.test('active for 30 days', () => { pm.expect(d.status).to.eql('ACTIVE'); pm.expect(new Date(d.expiresAt) - new Date(d.confirmedAt)).to.eql(30 * 86400000); });"]),
    gql("confirmDelegation: twice is DELEGATION_NOT_PENDING", CONFIRM_DLG, {"id": "{{delegationId}}", "c": "{{delegationCode}}"}, headers=bearer("zhou"),
        tests=err("DELEGATION_NOT_PENDING", "input.delegationId")),
    token("Token exchange: 周强's token for one acting for 王芳", "{{appClientId}}", "{{appClientSecret}}", exchange_form("zhou"), saves_token("delegateToken") + [
        "pm.test('RFC 8693 answer', () => pm.expect(body.issued_token_type).to.eql('urn:ietf:params:oauth:token-type:access_token'));",
        "pm.test('at most an hour', () => pm.expect(body.expires_in).to.be.at.most(3600));",
        "const claims = JSON.parse(atob(body.access_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));",
        "pm.test('act names the actor, roles only DELEGATE', () => { pm.expect(claims.act.sub).to.be.a('string'); pm.expect(claims.act.sub).not.to.eql(claims.sub); pm.expect(claims.roles).to.eql(['DELEGATE']); });",
        "pm.test('the scopes of the delegation', () => pm.expect(claims.scope).to.have.members(['delegate.applications', 'delegate.certificates']));"]),
    token("Token exchange: a scope outside the delegation is invalid_scope", "{{appClientId}}", "{{appClientSecret}}", exchange_form("zhou", "delegate.consents"), oauth_refused("invalid_scope")),
    token("Token exchange: an integrator's scope is invalid_scope", "{{appClientId}}", "{{appClientSecret}}", exchange_form("zhou", "certificate.verify"), oauth_refused("invalid_scope")),
    token("Token exchange: someone else's token as actor is invalid_grant", "{{appClientId}}", "{{appClientSecret}}", exchange_form("elder"), oauth_refused("invalid_grant")),
    gql("me as the delegate: 王芳, acted for by 周强", "{ me { id roles scopes actorName person { name masked } } }", headers=bearer("delegate"), tests=OK + [
        "const me = body.data.me;",
        "pm.test('the represented person, the actor named', () => { pm.expect(me.roles).to.eql(['DELEGATE']); pm.expect(me.actorName).to.eql('周强'); pm.expect(me.person.name).to.eql('王芳'); pm.expect(me.person.masked).to.be.false; });"]),
    gql("myCertificates as the delegate: 王芳's own", "{ myCertificates { id holderName } }", headers=bearer("delegate"), tests=OK + [
        "pm.test('only those of 王芳', () => body.data.myCertificates.forEach((c) => pm.expect(c.holderName).to.eql('王芳')));"]),
    gql("issueResidentCode as the delegate: outside the scopes is FORBIDDEN", "mutation { issueResidentCode { expiresAt } }", headers=bearer("delegate"),
        tests=err("FORBIDDEN", classification="FORBIDDEN")),
    gql("myMessages as the delegate: never delegable, FORBIDDEN", "{ myMessages(first: 1) { unreadCount } }", headers=bearer("delegate"),
        tests=err("FORBIDDEN", classification="FORBIDDEN")),
    gql("myDelegations as the delegate: a delegate manages none, FORBIDDEN", DLG_LIST, {"as": "ACTOR"}, headers=bearer("delegate"),
        tests=err("FORBIDDEN", classification="FORBIDDEN")),
    gql("myDelegations (REPRESENTED) as 王芳: who acted and what they did", DLG_LIST, {"as": "REPRESENTED"}, headers=bearer("elder"), tests=OK + [
        "const d = body.data.myDelegations.find((x) => x.id === pm.environment.get('delegationId'));",
        "pm.test('周强, active', () => { pm.expect(d.actorName).to.eql('周强'); pm.expect(d.status).to.eql('ACTIVE'); pm.expect(d.lastUsedAt).to.be.a('string'); });",
        "pm.test('his acts, newest first', () => { const ops = d.acts.flatMap((a) => a.operations); pm.expect(ops).to.include.members(['query me', 'query myCertificates']); pm.expect(d.acts[0].clientName).to.eql('通办 App'); });"]),
    gql("myCertificateUsage as 王芳: the delegate's look is logged", "{ myCertificateUsage(first: 1) { nodes { accessorName purposeName result } } }", headers=bearer("elder"), tests=OK + [
        "const e = body.data.myCertificateUsage.nodes[0];",
        "pm.test('周强 through 亲情代办', () => { pm.expect(e.accessorName).to.eql('周强（亲情代办）'); pm.expect(e.purposeName).to.eql('亲情代办：查看卡包'); });"]),
    gql("myMessages as 王芳: told of the grant and the use", "{ myMessages(first: 10) { edges { node { kind title } } } }", headers=bearer("elder"), tests=OK + [
        "const titles = body.data.myMessages.edges.map((e) => e.node).filter((m) => m.kind === 'DELEGATION').map((m) => m.title);",
        "pm.test('granted and in use', () => pm.expect(titles).to.include.members(['已授权周强代您办事', '周强正在代您办事']));"]),
    gql("myDelegations (ACTOR) as 周强", DLG_LIST, {"as": "ACTOR"}, headers=bearer("zhou"), tests=OK + [
        "pm.test('王芳, active', () => pm.expect(body.data.myDelegations.find((x) => x.id === pm.environment.get('delegationId')).status).to.eql('ACTIVE'));"]),
    gql("revokeDelegation: someone else's is DELEGATION_NOT_FOUND", "mutation($id: ID!) { revokeDelegation(input: {delegationId: $id}) { delegation { status } } }",
        {"id": "{{delegationId}}"}, headers=bearer("resident"), tests=err("DELEGATION_NOT_FOUND", "input.delegationId", "NOT_FOUND")),
    gql("revokeDelegation: 王芳 ends it", "mutation($id: ID!) { revokeDelegation(input: {delegationId: $id}) { delegation { status endedAt } } }",
        {"id": "{{delegationId}}"}, headers=bearer("elder"), tests=OK + [
        "pm.test('revoked now', () => { pm.expect(body.data.revokeDelegation.delegation.status).to.eql('REVOKED'); pm.expect(body.data.revokeDelegation.delegation.endedAt).to.be.a('string'); });"]),
    gql("myCertificates with the revoked delegation's token: 401 INVALID_TOKEN", "{ myCertificates { id } }", headers=bearer("delegate"),
        tests=refused_http(401, "INVALID_TOKEN")),
    token("Token exchange after the revocation is invalid_grant", "{{appClientId}}", "{{appClientSecret}}", exchange_form("zhou"), oauth_refused("invalid_grant") + [
        "pm.test('says why', () => pm.expect(pm.response.json().error_description).to.eql('the delegation was revoked'));"]),
]}

WH_REGISTER = """mutation($i: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $i) { secret endpoint { id url kinds status cursor createdAt secretExpiries } } }"""
WH_ENDPOINT = """mutation($id: ID!) { %s(input: {endpointId: $id}) { %s } }"""

webhooks = {"name": "webhooks", "description": "Webhooks and credentials for 中国工商银行青岛分行 (integrator): its secrets' ends and address allow-list (rotation is tested in ClientCredentialsTests: here it would end the demo secret on a long-lived server); registering an endpoint for consent events (the secret shown once), listing, the delivery log, rotating the secret (both sign for 24 h), resuming, deleting, and the refusals (an address that cannot receive, another integrator's endpoint, a resident). Delivery itself, with signatures, retries, pausing and catch-up, is tested against a local receiver in WebhookTests. Runs in order.", "item": [
    token("Insurer: client credentials (人保, another integrator)", "picc-qingdao", "picc-demo-secret",
          [("grant_type", "client_credentials")], saves_token("insurerToken")),
    gql("registerWebhookEndpoint: an ftp URL is WEBHOOK_URL_REFUSED", WH_REGISTER, {"i": {"url": "ftp://example.com/hooks", "kinds": ["CONSENT_GRANTED"]}},
        headers=bearer("integrator"), tests=err("WEBHOOK_URL_REFUSED", "input.url")),
    gql("registerWebhookEndpoint: no kinds is VALIDATION_FAILED", WH_REGISTER, {"i": {"url": "http://127.0.0.1:9/hooks", "kinds": []}},
        headers=bearer("integrator"), tests=err("VALIDATION_FAILED", "input.kinds")),
    gql("registerWebhookEndpoint: residents may not", WH_REGISTER, {"i": {"url": "http://127.0.0.1:9/hooks", "kinds": ["CONSENT_GRANTED"]}},
        headers=bearer("resident"), tests=err("FORBIDDEN", classification="FORBIDDEN")),
    gql("registerWebhookEndpoint: consent events to a local receiver (integrator)", WH_REGISTER,
        {"i": {"url": "http://127.0.0.1:9/hooks", "kinds": ["CONSENT_REVOKED", "CONSENT_GRANTED"]}}, headers=bearer("integrator"), tests=OK + [
        "const r = body.data.registerWebhookEndpoint;",
        "pm.test('a Standard Webhooks secret, once', () => pm.expect(r.secret).to.match(/^whsec_[A-Za-z0-9+/]{43}=$/));",
        "pm.test('active, its kinds in order', () => { pm.expect(r.endpoint.status).to.eql('ACTIVE'); pm.expect(r.endpoint.kinds).to.eql(['CONSENT_GRANTED', 'CONSENT_REVOKED']); pm.expect(r.endpoint.secretExpiries).to.eql([null]); });",
        "pm.environment.set('webhookEndpointId', r.endpoint.id);"]),
    gql("myWebhookEndpoints (integrator)", "{ myWebhookEndpoints { id url status failedAttempts } }", headers=bearer("integrator"), tests=OK + [
        "pm.test('the endpoint is listed', () => pm.expect(body.data.myWebhookEndpoints.map(e => e.id)).to.include(pm.environment.get('webhookEndpointId')));"]),
    gql("webhookDeliveries: the log of the endpoint (integrator)", "query($id: ID!) { webhookDeliveries(endpointId: $id, first: 10) { totalCount pageInfo { hasNextPage } nodes { eventId kind attempt statusCode error succeeded } } }",
        {"id": "{{webhookEndpointId}}"}, headers=bearer("integrator"), tests=OK + [
        "pm.test('a connection', () => pm.expect(body.data.webhookDeliveries.totalCount).to.be.a('number'));"]),
    gql("rotateWebhookSecret: a new secret; the old one signs for 24 h more", WH_ENDPOINT % ("rotateWebhookSecret", "secret endpoint { secretExpiries }"),
        {"id": "{{webhookEndpointId}}"}, headers=bearer("integrator"), tests=OK + [
        "const r = body.data.rotateWebhookSecret;",
        "pm.test('two secrets sign now', () => { pm.expect(r.endpoint.secretExpiries).to.have.lengthOf(2); pm.expect(r.endpoint.secretExpiries[1]).to.be.null; pm.expect(new Date(r.endpoint.secretExpiries[0]) > new Date()).to.be.true; });"]),
    gql("resumeWebhookEndpoint: an active one stays active", WH_ENDPOINT % ("resumeWebhookEndpoint", "endpoint { status failedAttempts }"),
        {"id": "{{webhookEndpointId}}"}, headers=bearer("integrator"), tests=OK + [
        "pm.test('active, no failures', () => { pm.expect(body.data.resumeWebhookEndpoint.endpoint.status).to.eql('ACTIVE'); pm.expect(body.data.resumeWebhookEndpoint.endpoint.failedAttempts).to.eql(0); });"]),
    gql("redeliverWebhookEvent: an unknown event is WEBHOOK_EVENT_NOT_FOUND", "mutation($id: ID!) { redeliverWebhookEvent(input: {endpointId: $id, eventId: \"msg_unknown\"}) { delivery { id } } }",
        {"id": "{{webhookEndpointId}}"}, headers=bearer("integrator"), tests=err("WEBHOOK_EVENT_NOT_FOUND", "input.eventId", "NOT_FOUND")),
    gql("deleteWebhookEndpoint: another integrator's is WEBHOOK_ENDPOINT_NOT_FOUND", WH_ENDPOINT % ("deleteWebhookEndpoint", "endpoint { id }"),
        {"id": "{{webhookEndpointId}}"}, headers=bearer("insurer"), tests=err("WEBHOOK_ENDPOINT_NOT_FOUND", "input.endpointId", "NOT_FOUND")),
    gql("deleteWebhookEndpoint (integrator)", WH_ENDPOINT % ("deleteWebhookEndpoint", "endpoint { id }"),
        {"id": "{{webhookEndpointId}}"}, headers=bearer("integrator"), tests=OK + [
        "pm.test('the deleted endpoint', () => pm.expect(body.data.deleteWebhookEndpoint.endpoint.id).to.eql(pm.environment.get('webhookEndpointId')));"]),
    token("Enterprise's own system: client credentials (海蓝 ERP)", "hailan-erp", "{{erpSecret}}",
          [("grant_type", "client_credentials")], saves_token("erpToken")),
    gql("registerWebhookEndpoint: its enterprise's application status changes (海蓝 ERP)", WH_REGISTER,
        {"i": {"url": "http://127.0.0.1:9/erp-hooks", "kinds": ["APPLICATION_STATUS_CHANGED"]}}, headers=bearer("erp"), tests=OK + [
        "const r = body.data.registerWebhookEndpoint;",
        "pm.test('active, for application status changes', () => { pm.expect(r.endpoint.status).to.eql('ACTIVE'); pm.expect(r.endpoint.kinds).to.eql(['APPLICATION_STATUS_CHANGED']); });",
        "pm.environment.set('erpEndpointId', r.endpoint.id);"]),
    gql("node: the ERP may not read an application of someone else's", 'query($id: ID!) { node(id: $id) { id } }',
        {"id": "{{applicationId}}"}, headers=bearer("erp"), tests=[
            "const body = pm.response.json();",
            "pm.test('null with APPLICATION_NOT_FOUND', () => { pm.expect(body.data.node).to.be.null; pm.expect(body.errors[0].extensions.code).to.eql('APPLICATION_NOT_FOUND'); });"]),
    gql("deleteWebhookEndpoint (海蓝 ERP)", WH_ENDPOINT % ("deleteWebhookEndpoint", "endpoint { id }"),
        {"id": "{{erpEndpointId}}"}, headers=bearer("erp"), tests=OK + [
        "pm.test('the deleted endpoint', () => pm.expect(body.data.deleteWebhookEndpoint.endpoint.id).to.eql(pm.environment.get('erpEndpointId')));"]),
    gql("setClientEnterprise (ADMIN): 顺丰's client as 青岛顺通物流's own system",
        'mutation($i: SetClientEnterpriseInput!) { setClientEnterprise(input: $i) { client { clientId enterprise { name creditCode } } } }',
        {"i": {"clientId": "sf-express", "creditCode": "91370214MA3F1N6R4K"}}, headers=bearer("admin"), tests=OK + [
        "pm.test('linked', () => pm.expect(body.data.setClientEnterprise.client.enterprise.name).to.eql('青岛顺通物流有限公司'));"]),
    gql("setClientEnterprise: an integrator may not", 'mutation { setClientEnterprise(input: {clientId: "icbc-qingdao", creditCode: "91370214MA3F1N6R4K"}) { client { clientId } } }',
        headers=bearer("integrator"), tests=err("FORBIDDEN", classification="FORBIDDEN")),
    gql("setClientEnterprise: an unknown enterprise is UNKNOWN_REFERENCE", 'mutation { setClientEnterprise(input: {clientId: "sf-express", creditCode: "91350100M000100Y43"}) { client { clientId } } }',
        headers=bearer("admin"), tests=err("UNKNOWN_REFERENCE", "input.creditCode")),
    gql("setClientEnterprise (ADMIN): without a credit code the link ends",
        'mutation { setClientEnterprise(input: {clientId: "sf-express"}) { client { clientId enterprise { name } } } }', headers=bearer("admin"), tests=OK + [
        "pm.test('no enterprise', () => pm.expect(body.data.setClientEnterprise.client.enterprise).to.be.null);"]),
    gql("consentsForMyPurposes: a mirror's first page, oldest change first (integrator)", "query($s: DateTime) { consentsForMyPurposes(updatedSince: $s, first: 5) { totalCount pageInfo { hasNextPage endCursor } nodes { id withdrawn updatedAt purpose { code } } } }",
        {"s": "2020-01-01T00:00:00+08:00"}, headers=bearer("integrator"), tests=OK + [
        "const page = body.data.consentsForMyPurposes;",
        "pm.test('its own purposes only', () => page.nodes.forEach(c => pm.expect(c.purpose.code.startsWith('ICBC-')).to.be.true));",
        "pm.test('oldest change first', () => page.nodes.slice(1).forEach((c, i) => pm.expect(new Date(c.updatedAt) >= new Date(page.nodes[i].updatedAt)).to.be.true));"]),
    gql("consentsForMyPurposes: residents may not", "{ consentsForMyPurposes(first: 1) { totalCount } }", headers=bearer("resident"),
        tests=err("FORBIDDEN", classification="FORBIDDEN")),
    gql("myClientCredentials: when the secrets end, where tokens may come from (integrator)", "{ myClientCredentials { clientId name secretExpiries allowedAddresses } }",
        headers=bearer("integrator"), tests=OK + [
        "pm.test('its own client', () => pm.expect(body.data.myClientCredentials.clientId).to.eql('icbc-qingdao'));",
        "pm.test('at least one live secret', () => pm.expect(body.data.myClientCredentials.secretExpiries.length).to.be.at.least(1));"]),
    gql("setClientAddressAllowList: a host name is INVALID_ARGUMENT (numeric ranges only)", "mutation { setClientAddressAllowList(input: {ranges: [\"bank.example.com\"]}) { client { allowedAddresses } } }",
        headers=bearer("integrator"), tests=err("INVALID_ARGUMENT", "input.ranges")),
    gql("setClientAddressAllowList: loopback only (integrator)", "mutation { setClientAddressAllowList(input: {ranges: [\"127.0.0.0/8\", \"::1\"]}) { client { allowedAddresses } } }",
        headers=bearer("integrator"), tests=OK + [
        "pm.test('stored', () => pm.expect(body.data.setClientAddressAllowList.client.allowedAddresses).to.eql(['127.0.0.0/8', '::1']));"]),
    gql("setClientAddressAllowList: empty allows anywhere again (integrator)", "mutation { setClientAddressAllowList(input: {ranges: []}) { client { allowedAddresses } } }",
        headers=bearer("integrator"), tests=OK + [
        "pm.test('cleared', () => pm.expect(body.data.setClientAddressAllowList.client.allowedAddresses).to.eql([]));"]),
    gql("rotateClientSecret: an administrator must name an existing client", "mutation { rotateClientSecret(input: {clientId: \"no-such-client\"}) { secret } }",
        headers=bearer("admin"), tests=err("INVALID_ARGUMENT", "input.clientId")),
    gql("rotateClientSecret: residents may not", "mutation { rotateClientSecret(input: {}) { secret } }",
        headers=bearer("resident"), tests=err("FORBIDDEN", classification="FORBIDDEN")),
    gql("myWebhookEndpoints: gone after deletion", "{ myWebhookEndpoints { id } }", headers=bearer("integrator"), tests=OK + [
        "pm.test('not listed', () => pm.expect(body.data.myWebhookEndpoints.map(e => e.id)).not.to.include(pm.environment.get('webhookEndpointId')));"]),
]}

collection = {
    "info": {"_postman_id": "0b7f3c52-9d0e-4a1b-8f6c-2e5d4c3b2a19", "name": "Tongban 通办 GraphQL API",
             "description": "Every query and mutation of the Tongban API with assertions. Run with the environment "
                            "tongban.postman_environment.json against the default run (mvn spring-boot:run), or let "
                            "`mvn verify` run it against a freshly started service.",
             "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
    "item": [identity, platform, catalog, certificate, code, journey, instant, benefits, shelf, progress, halls, appointments, queue, messages, delegation, webhooks, perimeter],
}
json.dump(collection, open(pathlib.Path(__file__).resolve().parent.parent / "tongban.postman_collection.json", "w"), ensure_ascii=False, indent=1)
print("ok")


def trusted_documents(items):
    """The GraphQL operations of the collection (GraphQL-mode bodies, and raw bodies that are a request
    object with a query), except texts with {{variables}} of Postman's: those are tests, not shipped."""
    for item in items:
        if "item" in item:
            yield from trusted_documents(item["item"])
            continue
        body = item.get("request", {}).get("body", {})
        text = None
        if body.get("mode") == "graphql":
            text = body["graphql"]["query"]
        elif body.get("mode") == "raw":
            try:
                parsed = json.loads(body["raw"])
            except ValueError:
                parsed = None
            if isinstance(parsed, dict) and isinstance(parsed.get("query"), str):
                text = parsed["query"]
        if text and "{{" not in text and text.strip():
            yield text


# The trusted-documents manifest the service loads (platform.graphql.TrustedDocuments): with
# tongban.graphql.trusted-documents-only (prod) only these operations run. It only grows: an
# operation once shipped stays, since app versions in the field still send it, until its hash is
# listed in retired-documents.txt (one hash per line, then why). TrustedDocumentsTests checks that it
# holds every operation of the collection and that each of its operations validates against schema/.
import hashlib
# the perimeter folder's requests are attacks on the door, not operations anyone ships
documents = {hashlib.sha256(t.encode("utf-8")).hexdigest(): t
             for t in trusted_documents([f for f in collection["item"] if f["name"] != "perimeter"])}
manifest = pathlib.Path(__file__).resolve().parent.parent.parent / "src/main/resources/graphql/trusted-documents.json"
retired_list = pathlib.Path(__file__).resolve().parent / "retired-documents.txt"
retired = {line.split()[0] for line in retired_list.read_text(encoding="utf-8").splitlines()
           if line.strip() and not line.startswith("#")} if retired_list.exists() else set()
shipped = json.load(open(manifest, encoding="utf-8"))["documents"] if manifest.exists() else {}
kept = {h: t for h, t in shipped.items() if h not in retired and h not in documents}
current_retired = retired & documents.keys()
if current_retired:
    raise SystemExit(f"retired-documents.txt retires operations the collection still has: {sorted(current_retired)}")
manifest.parent.mkdir(parents=True, exist_ok=True)
json.dump({"format": 1, "source": "postman/tongban.postman_collection.json and the operations shipped before it",
           "documents": dict(sorted({**kept, **documents}.items()))}, open(manifest, "w"), ensure_ascii=False, indent=1)
print(f"trusted documents: {len(documents)} of the collection, {len(kept)} shipped before and kept")
