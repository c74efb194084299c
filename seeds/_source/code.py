"""Resident-code issuers (trust list) and scan scenarios. Run: python3 seeds/_source/code.py

The provincial issuer (鲁通码) is another platform. The shipped trust list (seeds/code/issuers.json)
names it without a key: production loads the province's real public key through a seed overlay
(TONGBAN_SEED_LOCATIONS=file:/etc/tongban/seeds/,classpath:seeds/). The dev seed set
(seeds/dev/code/issuers.json, loaded by the default run only) carries a simulation key pair so the
default run can simulate provincial codes (GET /dev/provincial-code); the prod profile refuses to
start when a trusted key has a private key or is that simulation key.
"""
import json
import os

import english as en
from english import english

HERE = os.path.dirname(__file__)
OUT = os.path.join(HERE, '..', 'code')
DEV_OUT = os.path.join(HERE, '..', 'dev', 'code')

dev_issuers = [
    {'issuerId': 'QDM', 'name': '青岛码', 'local': True, 'keys': []},
    {'issuerId': 'LTM', 'name': '鲁通码（山东省）', 'local': False, 'keys': [
        {'keyId': 'LTM-2026A', 'publicKey': 'MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEqAgb42CSPO2o4P9XIukv6FyumCg70ezWgD55T364oft2L13NfTHMOjU5DU5j1kBCWTFy2raICkccfST/0cDeAA==', 'privateKeyForSimulation': 'MIGTAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBHkwdwIBAQQgpIQzDLNxBg5CNSTYjFeY/MugwEUWD/5HMZ+iNTfexcSgCgYIKoEcz1UBgi2hRANCAASoCBvjYJI87ajg/1ci6S/oXK6YKDvR7NaAPnlPfrih+3YvXc19Mcw6NTkNTmPWQEJZMXLatogKRxx9JP/RwN4A'}]},
]
issuers = [dict(issuer, keys=[]) for issuer in dev_issuers]
# disclose: what a terminal of the scenario learns on a good scan
scenarios = [
    {'code': 'COUNTER', 'name': '亮码办事', 'description': '政务服务窗口扫码调取身份与办事所需证照',
     'disclose': ['NAME', 'MASKED_ID_NUMBER', 'CERTIFICATES_FOR_ITEM'], 'replay': 'REUSABLE', 'holderKinds': ['PERSON', 'ENTERPRISE']},
    {'code': 'BUS', 'name': '刷码乘车', 'description': '公交地铁刷码乘车，只需知道码是否有效与票种',
     'disclose': ['FARE_CATEGORY'], 'replay': 'SINGLE_USE', 'holderKinds': ['PERSON']},
    {'code': 'HOSPITAL', 'name': '就医挂号', 'description': '医院自助机扫码挂号与医保结算',
     'disclose': ['NAME', 'MASKED_ID_NUMBER', 'MEDICAL_INSURANCE'], 'replay': 'REUSABLE', 'holderKinds': ['PERSON']},
    {'code': 'LIBRARY', 'name': '图书馆借阅', 'description': '扫码借还书',
     'disclose': ['NAME', 'LIBRARY_CARD_STATUS'], 'replay': 'REUSABLE', 'holderKinds': ['PERSON']},
    {'code': 'SCENIC', 'name': '景区入园', 'description': '景区闸机扫码入园，按优待类别核验',
     'disclose': ['FARE_CATEGORY'], 'replay': 'SINGLE_USE', 'holderKinds': ['PERSON']},
    {'code': 'COMMUNITY', 'name': '社区门禁', 'description': '社区出入口核验是否本社区居民',
     'disclose': ['MASKED_NAME', 'RESIDENT_OF_DISTRICT'], 'replay': 'REUSABLE', 'holderKinds': ['PERSON'], 'districtCode': '370202'},
    {'code': 'HALL_CHECK_IN', 'name': '大厅签到取号', 'description': '政务服务大厅取号机扫码签到：只用于找到持码人当天在本大厅的预约并出号，不向取号机披露任何个人信息',
     'disclose': [], 'replay': 'REUSABLE', 'holderKinds': ['PERSON']},
]
# the English name follows the Chinese one in each record
scenarios = [{'code': s['code'], 'name': s['name'], 'nameEn': english(en.SCENARIOS, s['code'], 'scenario'),
              **{k: v for k, v in s.items() if k not in ('code', 'name')}} for s in scenarios]
for folder, name, rows in [(OUT, 'issuers', issuers), (OUT, 'scenarios', scenarios), (DEV_OUT, 'issuers', dev_issuers)]:
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name + '.json'), 'w', encoding='utf-8') as f:
        json.dump(rows, f, ensure_ascii=False, indent=1)
        f.write('\n')
print(len(issuers), 'issuers,', len(scenarios), 'scenarios')
