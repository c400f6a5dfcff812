base=open('plans/005-vinh-thanh-uy-ky-niem-dang.yaml',encoding='utf-8').read()
body=base[base.index('profile: party'):]
def w(name, comment, s):
    open('tests/diag/issue14/'+name+'.yaml','w',encoding='utf-8').write('# '+comment+'\n'+s)
def sub(s,a,b,count=1):
    assert a in s,(a)
    return s.replace(a,b,count)
w('party-anniv-title-pass','issue 14 item 1: a trích yếu that names the Party (plans/005) is no header line: clean', body)
w('party-anniv-title-fail','issue 14 item 1: the header ĐẢNG CỘNG SẢN VIỆT NAM typed as a line of the trích yếu: reported at that line, not at |-',
  sub(body,'title: |-\n','title: |-\n  ĐẢNG CỘNG SẢN VIỆT NAM\n'))
w('thu-code-fail','issue 14 item 2: the thành ủy of a provincial city is coded ThU; TU is reported, ThU suggested',
  sub(body,'number: 45-KH/ThU','number: 45-KH/TU'))
w('thu-cited-pass','issue 14 item 2: 17-KH/ThU cited as the Thành ủy Vinh\'s and a Tỉnh ủy TU: no R-REF-ISSUER-CODE',
  sub(body,'bảo đảm an toàn trong phòng, chống dịch bệnh.','bảo đảm an toàn trong phòng, chống dịch bệnh; tiếp tục thực hiện Kế hoạch số 17-KH/ThU ngày 05/01/2021 của Thành ủy Vinh và Kế hoạch số 210-KH/TU ngày 04/01/2021 của Tỉnh ủy Nghệ An.'))
w('unit-recipient-issuer-pass','issue 14 item 3: a unit that is the issuer itself, and one kept on the Lưu line: not asked for in Nơi nhận',
  sub(body,'      - name: Các chi, đảng bộ trực thuộc Thành ủy','      - name: Thành ủy\n        body: |\n          Tổ chức gặp mặt, chúc mừng các đồng chí đảng viên lão thành nhân dịp kỷ niệm.\n      - name: Các chi, đảng bộ trực thuộc Thành ủy'))
w('unit-recipient-fail','issue 14 item 3: a unit really missing from Nơi nhận is still reported',
  sub(body,'      - name: Các chi, đảng bộ trực thuộc Thành ủy','      - name: Hội Cựu chiến binh thành phố\n        id: ccb\n        body: |\n          Tổ chức cho hội viên ôn lại truyền thống.\n      - name: Các chi, đảng bộ trực thuộc Thành ủy'))
tone=sub(body,'khơi dậy niềm tự hào, củng cố niềm tin','khơi dậy niềm tự hào, củng cố niềm tin; quán triệt Nghị quyết Đại hội khoá XXVI, nhiệm kỳ khoá mới và khoá trước')
w('ortho-tone-kinds-pass','issue 14 item 4: Ủy (mark on the first vowel) beside khoá (on the second): each kind counted apart, no warning; Ủy is never turned into Uỷ', tone)
w('ortho-tone-kinds-fail','issue 14 item 4: one uỷ among Ủy: reported within its own kind (uy)',
  sub(tone,'Văn phòng Thành ủy\n        id','Văn phòng Thành uỷ\n        id'))
hn=sub(sub(sub(body,'superior: Đảng bộ tỉnh Nghệ An\n',''),'issuer: Thành ủy Vinh','issuer: Thành ủy Hà Nội'),'number: 45-KH/ThU','number: 45-KH/TU')
hn=hn.replace('Tỉnh ủy','Thành ủy').replace('Đảng bộ thành phố Vinh','Đảng bộ Thủ đô').replace('lần thứ XXVI','lần thứ XVII')
w('issuer-parent-central-pass','issue 14 item 5: Thành ủy Hà Nội is directly under the Central Committee: no superior line, no R-ISSUER-PARENT, code TU', hn)
w('issuer-parent-fail','issue 14 item 5: a thành ủy of a provincial city without its superior body is still reported',
  sub(body,'superior: Đảng bộ tỉnh Nghệ An\n',''))
w('sec-purpose-parent-missing','issue 14 item 5: Mục đích typed as section I (its parent heading missing): the report says so at it',
  sub(sub(body,'''  - title: MỤC ĐÍCH, YÊU CẦU
    kind: aims
    sections:
      - title: Mục đích
        kind: purpose
        body: |
          Tuyên''','''  - title: Mục đích
    kind: purpose
    body: |
      Tuyên'''),'''      - title: Yêu cầu
        kind: requirements
        body: |
          Các''','''  - title: Yêu cầu
    kind: requirements
    body: |
      Các'''))
w('intro-implements-uncited-fail','issue 14 item 5 and structure: implements: present but the opening never cites it',
  sub(body,'Thực hiện Hướng dẫn số 95-HD/BTGTU ngày 28/12/2020 của Ban Tuyên giáo Tỉnh ủy về tuyên truyền kỷ niệm 91 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2021), Ban','Ban'))
w('deadline-remark-fail','issue 14 item 6: the remark after a deadline names the wrong weekday',
  sub(body,'(chủ Nhật)','(thứ Hai)'))
w('deadline-weekend-note','issue 14 dates: a Sunday deadline with no remark is a note that says how to mark it intended',
  sub(body,' (chủ Nhật)',''))
bl=sub(sub(body,'issuer: Thành ủy Vinh','issuer: Thành ủy …'),'name: Trần Ngọc Sơn','name: …')
w('blank-issuer-fail','issue 14 blanks: a … left in the issuer and the signer: errors outside --draft', bl)
w('blank-issuer-draft','issue 14 blanks: the same under --draft: notes', bl)
open('tests/diag/issue14/blank-issuer-draft.args','w').write('--draft\n')
w('titel-typo','issue 14 item 7: titel: (a transposition) gets its did-you-mean, and one diagnostic, not a second "missing title"',
  sub(body,'title: |-','titel: |-'))
s=open('plans/state/ubnd-bach-thong-chuyen-doi-so.yaml',encoding='utf-8').read()
s=s[s.index('\nprofile: state')+1:]
w('state-num-blank-fail','issue 14 item 5: a state plan with no number: the hint is the state form N/KH-UBND', sub(s,'number: 45/KH-UBND\n',''))
w('state-num-colon-fail','issue 14 item 5: Số with the party form in a state plan: the suggested number is the state form', sub(s,'number: 45/KH-UBND','number: Số 45-KH/UBND'))
i=s.index('implements:'); j=s.index('intro:')
w('state-no-implements-pass','issue 14 item 5: a plan on the issuer\'s own initiative implements nothing: no R-INTRO-BASIS', s[:i]+s[j:])
