#!/usr/bin/env python3
"""Writes seeds/catalog/*.json and seeds/certificate/certificate-types.json from reference.py and
items.py. Run after editing either: python3 seeds/_source/generate.py

The service expands each base item into its city and district implementations when it loads the
seeds (see CatalogSeeder), so the JSON holds the ~300 base items, not the ~3,000 implementations."""
import json
import re
import pathlib
import zlib

from conditions import ACCEPTANCE
from plain_steps import PLAIN_STEPS
from items import ITEMS
from aliases import ALIASES
from english import english
import english as en
from reference import CERTIFICATE_TYPES, DEPARTMENTS, LEGAL_BASES, LIFE_EVENTS, MATERIALS, REGIONS, SHARED_LAWS

ROOT = pathlib.Path(__file__).resolve().parent.parent
TYPES = {"XK": "LICENSING", "JF": "BENEFIT", "QR": "CONFIRMATION", "GG": "PUBLIC_SERVICE", "QT": "OTHER"}
EVENTS = {"B": "BIRTH", "S": "SCHOOL", "W": "WORK", "M": "MARRIAGE", "H": "HOUSING", "Y": "MEDICAL",
          "R": "RETIREMENT", "D": "AFTER_DEATH", "E": "ELDERLY", "A": "ASSISTANCE", "T": "TRAVEL",
          "ES": "ENTERPRISE_START", "EP": "ENTERPRISE_PERMIT", "EC": "ENTERPRISE_CHANGE", "EX": "ENTERPRISE_CLOSE"}
CHANNELS = {"M": "MOBILE", "W": "WEB", "C": "COUNTER", "V": "VIDEO"}
MODES = {"IMM": "IMMEDIATE", "NOREV": "NO_REVIEW", "UNN": "UNNOTICED", "AUTO": "AUTOMATED", "NOAPP": "NO_APPLICATION"}
TARGETS = {"P": "NATURAL_PERSON", "L": "LEGAL_PERSON"}
CONDITIONS = {
    "LICENSING": ["申请人具备{name}的法定条件和相应能力", "申请材料齐全、符合法定形式", "依法应当先行取得的许可或登记已经取得"],
    "BENEFIT": ["申请人属于{name}政策规定的保障对象并符合给付标准", "未重复享受同类待遇", "如实申报家庭、收入或费用情况并授权核对"],
    "CONFIRMATION": ["申请人与申请确认的事项直接相关", "申请材料真实、完整、有效"],
    "PUBLIC_SERVICE": ["申请人为服务对象本人，或持有效委托的代理人"],
    "OTHER": ["申请人依法负有相应义务或享有相应权利", "按规定如实提供信息"],
}


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def materials(keys):
    out = []
    for key in filter(None, keys.split(",")):
        required = not key.endswith("?")
        name, form, cert, note = MATERIALS[key.rstrip("?")]
        out.append({"name": name, "form": form, "certificateTypeCode": cert, "required": required,
                    "copies": 1, "note": note})
    return out


def base_items():
    dept_numbers = {code: number for code, number, *_ in DEPARTMENTS}
    sequence = {}
    seen = set()
    items = []
    for line in filter(None, (l.strip() for l in ITEMS.splitlines())):
        (name, dept, kind, targets, events, limits, visits, channels, modes, mats, levels, hot,
         result, fee) = (f.strip() for f in line.split("|"))
        assert name not in seen, f"duplicate item {name}"
        seen.add(name)
        item_type = TYPES[kind]
        sequence[(kind, dept)] = sequence.get((kind, dept), 0) + 1
        legal, promised = (int(x) for x in limits.split("/"))
        assert promised <= legal, name
        steps = ["在线申请", "即时办结"] if "IMM" in modes.split(",") else ["申请", "受理", "审查", "决定", "办结送达"]
        items.append({
            "basicCode": f"{kind}{dept_numbers[dept]}{sequence[(kind, dept)]:04d}000",
            "name": name,
            "nameEn": english(en.ITEMS, name, "item"),
            "aliases": ALIASES.get(name, []),
            "type": item_type,
            "departmentCode": dept,
            "targets": [TARGETS[t] for t in targets],
            "lifeEvents": [EVENTS[e] for e in filter(None, events.split(","))],
            "acceptanceConditions": ACCEPTANCE.get(name) or [c.format(name=name) for c in CONDITIONS[item_type]],
            "legalBasis": legal_basis(name, dept),
            "legalTimeLimitDays": legal,
            "promisedTimeLimitDays": promised,
            "quantityLimit": "无数量限制",
            "fee": {"charged": bool(fee) and fee != "免费", "description": fee or "不收费"},
            "materials": materials(mats),
            "channels": [CHANNELS[c] for c in channels],
            "visitsRequired": int(visits),
            # 亮码可办: at a counter the resident code stands in for the ID card
            "codeEnabled": "C" in channels,
            "serviceModes": [MODES[m] for m in filter(None, modes.split(","))],
            "process": steps,
            "plainSteps": PLAIN_STEPS.get(name, []),
            "levels": (["CITY"] if "C" in levels else []) + (["DISTRICT"] if "D" in levels else []),
            # popularity of the city-level implementation; districts scale it by population
            "popularity": int(hot) * 20000 + zlib.crc32(name.encode()) % 10000,
            "resultCertificateTypeCode": result or None,
            "consultationPhone": None,  # the handling department's number is not known here (docs/catalogue-data.md)
        })
    return items


def check_plain_steps(items, most_used):
    """Every one of the 50 most used items has its plain steps; each within bounds; figures agree with the item."""
    by_name = {i["name"]: i for i in items}
    unknown = set(PLAIN_STEPS) - set(by_name)
    assert not unknown, f"plain steps for unknown items: {unknown}"
    missing = [i["name"] for i in most_used if i["name"] not in PLAIN_STEPS]
    assert not missing, f"plain steps missing for most used items: {missing}"
    for name, steps in PLAIN_STEPS.items():
        assert 2 <= len(steps) <= 6, f"{name}: 2 to 6 steps"
        item = by_name[name]
        for step in steps:
            assert len(step) <= 30 and step.endswith("。"), f"{name}: {step!r} (at most 30 characters, a sentence)"
            for amount in re.findall(r"(\d+)元", step):
                assert amount in item["fee"]["description"], f"{name}: {step!r} names a fee the item lacks"
            for days in re.findall(r"(\d+)个工作日", step):
                assert int(days) == item["promisedTimeLimitDays"], f"{name}: {step!r} disagrees with the promised time limit"
    print(f"plain steps: {len(PLAIN_STEPS)} items, the 50 most used among them")


def legal_basis(name, dept):
    """The first matching rule's laws; none (unknown) when no rule matches."""
    for rule_dept, keywords, laws in LEGAL_BASES:
        if rule_dept == dept and any(k in name for k in keywords):
            return laws
    return []


def check_legal_bases(items):
    """Fails on a law cited by items of departments it does not govern (a copied basis)."""
    departments = {}
    for item in items:
        for law in item["legalBasis"]:
            title = law.split("》")[0] + "》"
            departments.setdefault(title, set()).add(item["departmentCode"])
    wrong = {law: d for law, d in departments.items() if len(d) > 1 and not d <= SHARED_LAWS.get(law, set())}
    if wrong:
        raise SystemExit(f"legal bases cited across unrelated departments: {wrong}")
    unknown = sum(1 for item in items if not item["legalBasis"])
    print(f"legal basis: {len(items) - unknown} items with their own, {unknown} left empty (not known)")


def agency_patterns(agency):
    """The district agency's name patterns ({full}, {short}): urban districts', county-level cities'."""
    if isinstance(agency, tuple):
        return {"districtAgency": agency[0], "countyCityAgency": agency[1]}
    pattern = agency if "{" in agency else "{full}" + agency
    return {"districtAgency": pattern, "countyCityAgency": pattern}


def main():
    write(ROOT / "reference/departments.json", [
        {"code": c, "number": n, "shortName": s, "name": full, "nameEn": english(en.DEPARTMENTS, c, "department"),
         **agency_patterns(agency)}
        for c, n, s, full, agency in DEPARTMENTS])
    write(ROOT / "reference/regions.json", [
        {"code": c, "name": n, "nameEn": english(en.REGIONS, c, "region"), "fullName": f, "level": lvl, "parentCode": p,
         "populationTenThousands": pop}
        for c, n, f, lvl, p, pop in REGIONS])
    write(ROOT / "reference/life-events.json", [
        {"code": c, "name": n, "nameEn": english(en.LIFE_EVENTS, c, "life event"), "audience": a, "description": d}
        for c, n, a, d in LIFE_EVENTS])
    write(ROOT / "certificate/certificate-types.json", [
        {"code": c, "name": n, "nameEn": english(en.CERTIFICATE_TYPES, c, "certificate type"), "issuingDepartmentCode": d, "holderKind": k, "validityYears": y,
         "fields": [{"key": key, "label": label, "sensitive": s} for key, label, s in fields]}
        for c, n, d, k, y, fields in CERTIFICATE_TYPES])
    items = base_items()
    check_legal_bases(items)
    unknown_conditions = set(ACCEPTANCE) - {i["name"] for i in items}
    assert not unknown_conditions, f"acceptance conditions for unknown items: {unknown_conditions}"
    top = sorted(items, key=lambda i: -i["popularity"])[:100]
    check_plain_steps(items, top[:50])
    print(f"acceptance conditions: {sum(1 for i in top if i['name'] in ACCEPTANCE)} of the 100 most used items have their own")
    unknown = set(ALIASES) - {i["name"] for i in items}
    assert not unknown, f"aliases for unknown items: {unknown}"
    write(ROOT / "catalog/service-items.json", items)
    districts = sum(1 for r in REGIONS if r[3] == "DISTRICT")
    total = sum(("CITY" in i["levels"]) + districts * ("DISTRICT" in i["levels"]) for i in items)
    print(f"{len(items)} base items, {total} implementations")


if __name__ == "__main__":
    main()
