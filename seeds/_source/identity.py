"""Demo identities: people (valid GB 11643 ID numbers), enterprises (valid GB 32100 credit codes),
staff and admin accounts, OAuth2 clients (integrators, terminals, the app and the console).

Run with `python3 seeds/_source/identity.py`; writes seeds/dev/identity/*.json (the dev seed set: never loaded by the prod profile). Secrets and passwords
are bcrypt hashes of the demo values listed in docs/security.md (dev only; production replaces
this file through a seed overlay or registers clients itself).
"""
import hashlib
import json
import os

OUT = os.path.join(os.path.dirname(__file__), '..', 'dev', 'identity')

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

PASSWORD = '{bcrypt}$2a$10$GU1qBX7TS2DvpKOWVevJbeCqwTFuLtB2UsOTwu1MQWUqsAlhznkt.'  # Tongban@2026
SECRETS = {
    'tongban-app': '{bcrypt}$2a$10$nF4Ojav0WrtXaR/ljkEaMenD6Fme49eIrZrDvcnhSKvdYhm98R5bC',
    'tongban-console': '{bcrypt}$2a$10$l8fYNFySsWxi62RJ5cuIk.VaqN.6Cwu9.a.HK2WumanIc8x9Fekt.',
    'icbc': '{bcrypt}$2a$10$T8wnvrP6sPJXYpca8/hONe.dNSGrxKyIb6mk7Ucs8QYafmpROiF/O',
    'picc': '{bcrypt}$2a$10$bsaeNMo2.Szo9QLfUxle.OjW3bHpaT15zU6ZU7UgmWvpprWM4cPi.',
    'sf': '{bcrypt}$2a$10$6jmyNKEgfoq5qbF/pobmzuqPOWwhigzY2hJSWkrL6E9M9jcAQfu8G',
    'cmcc': '{bcrypt}$2a$10$G68WdoRiSTH8wdzlko4RqeH4JQLyHwowQuHMub6CdkfZ3KTrSTCOe',
    'hailan': '{bcrypt}$2a$10$lCL.gX81.Jx/oF81.aEdbeyWSUd51TqAaJPa1M7ZiRmJJNGzcQmMG',
    'terminal': '{bcrypt}$2a$10$KTpOhtzfbSiNJ6sCgAOWd.hZql9xL5QNksZTsZbcXINgZsYLgqHFq',
}


def id_number(region, birth, seq):
    first17 = region + birth.replace('-', '') + '%03d' % seq
    total = sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS))
    return first17 + '10X98765432'[total % 11]


def credit_code(first17):
    total = sum(CC_CHARSET.index(c) * w for c, w in zip(first17, CC_WEIGHTS))
    return first17 + CC_CHARSET[(31 - total % 31) % 31]


def provincial_ref(idn):
    # the provincial platform's pseudonym for the person (12 bytes, hex), carried in 鲁通码 codes
    return hashlib.sha256(('ltm-demo-pseudonym:' + idn).encode()).hexdigest()[:24]


def person_id(idn):
    # pseudonymous and stable: nothing about the person can be read from it
    return 'psn_' + hashlib.sha256(('tongban-demo:' + idn).encode()).hexdigest()[:20]


# name, gender, birth date, region, sequence (odd male, even female), mobile, ethnicity, address
PEOPLE = [
    ('张伟', 'MALE', '1990-03-15', '370202', 123, '13800000001', '汉族', '山东省青岛市市南区香港中路 10 号'),
    ('李娜', 'FEMALE', '1992-07-08', '370202', 246, '13800000002', '汉族', '山东省青岛市市南区香港中路 10 号'),
    ('王芳', 'FEMALE', '1965-11-20', '370203', 318, '13800000003', '汉族', '山东省青岛市市北区台东一路 8 号'),
    ('刘洋', 'MALE', '1985-01-30', '370211', 457, '13800000004', '汉族', '山东省青岛市黄岛区长江中路 216 号'),
    ('陈静', 'FEMALE', '2000-05-12', '370212', 562, '13800000005', '汉族', '山东省青岛市崂山区松岭路 238 号'),
    ('赵磊', 'MALE', '1978-09-09', '370214', 671, '13800000006', '回族', '山东省青岛市城阳区正阳路 177 号'),
    ('孙丽', 'FEMALE', '1995-02-14', '370281', 784, '13800000007', '汉族', '山东省胶州市福州南路 7 号'),
    ('周强', 'MALE', '1966-12-01', '370283', 893, '13800000008', '汉族', '山东省平度市红旗路 15 号'),
]

people = []
for name, gender, birth, region, seq, mobile, ethnicity, address in PEOPLE:
    idn = id_number(region, birth, seq)
    people.append({
        'id': person_id(idn), 'name': name, 'idNumber': idn, 'mobile': mobile, 'gender': gender,
        'birthDate': birth, 'ethnicity': ethnicity, 'address': address, 'regionCode': region,
        'provincialRef': provincial_ref(idn),
    })
by_name = {p['name']: p for p in people}
by_name['张伟']['spouseId'] = by_name['李娜']['id']
by_name['李娜']['spouseId'] = by_name['张伟']['id']

# name, credit code body (17), region, legal representative, agents, business scope
ENTERPRISES = [
    ('青岛海蓝数字科技有限公司', '91370212MA3C4K7L8', '370212', '刘洋', ['刘洋', '陈静'], '软件开发；信息技术咨询服务'),
    ('青岛鲜味餐饮管理有限公司', '91370202MA3D9P2Q1', '370202', '张伟', ['张伟'], '餐饮服务；食品销售'),
    ('青岛顺通物流有限公司', '91370214MA3F1N6R4', '370214', '赵磊', ['赵磊'], '普通货物道路运输；仓储服务'),
]
enterprises = []
for name, body, region, legal, agents, scope in ENTERPRISES:
    code = credit_code(body)
    enterprises.append({
        'id': 'ent_' + hashlib.sha256(('tongban-demo:' + code).encode()).hexdigest()[:20], 'name': name,
        'creditCode': code, 'regionCode': region, 'legalRepresentativeId': by_name[legal]['id'],
        'agentIds': [by_name[a]['id'] for a in agents], 'businessScope': scope,
    })

DEPARTMENTS = ['GA', 'RS', 'YB', 'MZ', 'WJ', 'JY', 'ZJ', 'ZR', 'SJ', 'JT', 'SW', 'GJJ', 'CL', 'TY', 'XZ', 'SF',
               'WL', 'HB', 'NY', 'YJ', 'CG', 'SL', 'SWJ', 'XF']
STAFF_NAMES = ['王建国', '李秀英', '张志强', '刘桂兰', '陈国华', '杨丽华', '黄海涛', '赵文静', '吴晓东', '周敏',
               '徐春梅', '孙建华', '马玉兰', '朱永刚', '胡雪梅', '郭卫东', '何丽娟', '高志刚', '林秀珍', '罗军',
               '郑淑华', '梁国庆', '谢红梅', '宋振华']
accounts = [{'username': 'staff.' + d.lower(), 'name': n, 'passwordHash': PASSWORD, 'roles': ['STAFF'],
             'departmentCode': d, 'enabled': True} for d, n in zip(DEPARTMENTS, STAFF_NAMES)]
accounts.append({'username': 'admin', 'name': '系统管理员', 'passwordHash': PASSWORD, 'roles': ['ADMIN'],
                 'departmentCode': None, 'enabled': True})
accounts.append({'username': 'admin.xz', 'name': '审批局管理员', 'passwordHash': PASSWORD, 'roles': ['ADMIN', 'STAFF'],
                 'departmentCode': 'XZ', 'enabled': True})

clients = [
    {'clientId': 'tongban-app', 'name': '通办 App', 'kind': 'APP', 'secretHash': SECRETS['tongban-app'],
     'scopes': [], 'scenarioCode': None, 'place': None},
    {'clientId': 'tongban-console', 'name': '通办工作台', 'kind': 'CONSOLE',
     'secretHash': SECRETS['tongban-console'], 'scopes': [], 'scenarioCode': None, 'place': None},
]
for cid, name, secret, scopes in [
    ('icbc-qingdao', '中国工商银行青岛分行', 'icbc', ['certificate.verify']),
    ('picc-qingdao', '中国人民财产保险青岛市分公司', 'picc', ['certificate.verify']),
    ('sf-express', '顺丰速运', 'sf', ['certificate.verify']),
    ('cmcc-shandong', '中国移动山东公司', 'cmcc', ['certificate.verify']),
]:
    clients.append({'clientId': cid, 'name': name, 'kind': 'INTEGRATOR', 'secretHash': SECRETS[secret],
                    'scopes': scopes, 'scenarioCode': None, 'place': None})
# an enterprise's own system (its ERP): receives its applications' status changes as webhooks
clients.append({'clientId': 'hailan-erp', 'name': '青岛海蓝数字科技有限公司 ERP', 'kind': 'INTEGRATOR',
                'secretHash': SECRETS['hailan'], 'scopes': [], 'scenarioCode': None, 'place': None,
                'enterpriseId': next(e['id'] for e in enterprises if e['name'] == '青岛海蓝数字科技有限公司')})
for cid, name, scenario, place in [
    ('terminal-counter-xz-01', '市民中心综合窗口 01 号', 'COUNTER', '青岛市民中心 B 区 1 楼'),
    ('terminal-bus-k1-0001', '公交刷码机 K1-0001', 'BUS', '青岛公交 1 路'),
    ('terminal-hospital-qd-01', '青大附院自助挂号机 01', 'HOSPITAL', '青岛大学附属医院市南院区'),
    ('terminal-library-qd-01', '青岛市图书馆借阅机 01', 'LIBRARY', '青岛市图书馆'),
    ('terminal-scenic-laoshan-01', '崂山风景区闸机 01', 'SCENIC', '崂山风景区大河东游客中心'),
    ('terminal-community-xg-01', '香港花园社区门禁 01', 'COMMUNITY', '市南区香港花园社区东门'),
    ('terminal-kiosk-370200-c-01', '青岛市政务服务中心取号机 01', 'HALL_CHECK_IN', '青岛市政务服务中心 1 楼大厅'),
    ('terminal-kiosk-370213-c-01', '李沧区政务服务中心取号机 01', 'HALL_CHECK_IN', '李沧区政务服务中心 1 楼大厅'),
]:
    clients.append({'clientId': cid, 'name': name, 'kind': 'TERMINAL', 'secretHash': SECRETS['terminal'],
                    'scopes': ['code.scan'], 'scenarioCode': scenario, 'place': place})

os.makedirs(OUT, exist_ok=True)
for file, rows in [('people', people), ('enterprises', enterprises), ('accounts', accounts), ('clients', clients)]:
    with open(os.path.join(OUT, file + '.json'), 'w', encoding='utf-8') as f:
        json.dump(rows, f, ensure_ascii=False, indent=1)
        f.write('\n')
print(len(people), 'people,', len(enterprises), 'enterprises,', len(accounts), 'accounts,', len(clients), 'clients')
